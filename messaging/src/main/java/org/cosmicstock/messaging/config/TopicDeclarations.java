package org.cosmicstock.messaging.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service creates at start-up (when allowed), with the configured partitions, replicas
 * and {@code min.insync.replicas}: the commands topic and its dead letters, the events topic kept as
 * long as the stock view may replay it (forever by default), and its dead letters.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {}

    public static KafkaAdmin.NewTopics commandsAndEvents(
            MessagingProperties.Topics topics, boolean withCommandDeadLetters) {
        if (!topics.create()) {
            return new KafkaAdmin.NewTopics();
        }
        List<NewTopic> declared = new ArrayList<>();
        declared.add(topic(topics, topics.commands(), topics.commandsRetentionMs()));
        if (withCommandDeadLetters) {
            declared.add(topic(topics, topics.commands() + DeadLetters.SUFFIX, topics.commandsRetentionMs()));
        }
        declared.add(topic(topics, topics.events(), topics.eventsRetentionMs()));
        declared.add(topic(topics, topics.events() + DeadLetters.SUFFIX, topics.commandsRetentionMs()));
        return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
    }

    /** Only the events topic and its dead letters, for a service that reads events and sends no command. */
    public static KafkaAdmin.NewTopics events(MessagingProperties.Topics topics) {
        if (!topics.create()) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(
                topic(topics, topics.events(), topics.eventsRetentionMs()),
                topic(topics, topics.events() + DeadLetters.SUFFIX, topics.commandsRetentionMs()));
    }

    private static NewTopic topic(MessagingProperties.Topics topics, String name, long retentionMs) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .configs(Map.of(
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(topics.minInsyncReplicas()),
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)))
                .build();
    }
}
