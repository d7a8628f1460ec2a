package org.cosmicstock.messaging.config;

import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics a service creates at start-up (when allowed), all with the configured partitions and replicas. */
public final class TopicDeclarations {

    private TopicDeclarations() {}

    public static KafkaAdmin.NewTopics of(MessagingProperties.Topics topics, String... names) {
        if (!topics.create()) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(Arrays.stream(names)
                .map(name -> TopicBuilder.name(name)
                        .partitions(topics.partitions())
                        .replicas(topics.replicas())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
