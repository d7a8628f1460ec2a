package org.cosmicstock.allocation.bootstrap;

import java.util.List;
import javax.sql.DataSource;
import org.cosmicstock.allocation.adapters.jdbc.JdbcAllocationUnitOfWork;
import org.cosmicstock.allocation.adapters.kafka.AvroCommands;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.allocation.service.Handlers;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.config.KafkaConsumers;
import org.cosmicstock.messaging.config.MessagingConfiguration;
import org.cosmicstock.messaging.config.MessagingProperties;
import org.cosmicstock.messaging.config.OutboxConfiguration;
import org.cosmicstock.messaging.config.TopicDeclarations;
import org.cosmicstock.messaging.config.WrittenSchemas;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The composition root: plain objects from the service layer wired to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, OutboxConfiguration.class})
public class AllocationConfiguration {

    static final List<String> COMMAND_TYPES = MessageTypes.names(MessageTypes.commands());
    static final List<String> EVENT_TYPES = MessageTypes.names(MessageTypes.events());
    /** The consumer group of the commands; the reallocation group is named after it (one default, here). */
    private static final String CONSUMER_GROUP = "${spring.kafka.consumer.group-id:allocation-service}";

    static final String REALLOCATION_GROUP_SUFFIX = "-reallocation";

    @Bean
    MessageBus<AllocationUnitOfWork> messageBus(
            DataSource dataSource,
            TransactionalMessaging messaging,
            MessagingProperties properties,
            IncomingMessages incoming,
            MessageCodec codec) {
        WrittenSchemas.verify(codec, properties.topics().events(), MessageTypes.events());
        AvroEvents events = new AvroEvents(properties.topics().events());
        return Handlers.bus(
                () -> new JdbcAllocationUnitOfWork(dataSource, messaging, events::toOutgoing),
                properties.retry().conflictAttempts(),
                incoming::handling);
    }

    /** Every command, a partition's poll at a time, each batch in one transaction. */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> commandsConsumer(
            KafkaConsumers consumers,
            IncomingMessages incoming,
            MessageBus<AllocationUnitOfWork> bus,
            MessagingMetrics metrics,
            MessagingProperties properties,
            @Value(CONSUMER_GROUP) String group) {
        String commands = properties.topics().commands();
        metrics.knowConsumed(commands, COMMAND_TYPES);
        metrics.knowPublished(properties.topics().events(), EVENT_TYPES);
        return consumers.group(
                group,
                List.of(commands),
                properties.consumer().concurrency(),
                incoming.handler(group, AvroCommands::toMessage, bus::handleAll));
    }

    /**
     * This service's own events read back, so a reallocation is never lost when the process dies
     * between the commit that deallocated a line and the in-process handler (ADR 5).
     */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> ownEventsConsumer(
            KafkaConsumers consumers,
            IncomingMessages incoming,
            MessageBus<AllocationUnitOfWork> bus,
            MessagingMetrics metrics,
            MessagingProperties properties,
            @Value(CONSUMER_GROUP) String group) {
        String events = properties.topics().events();
        metrics.knowConsumed(events, EVENT_TYPES);
        String reallocation = group + REALLOCATION_GROUP_SUFFIX;
        // Nobody waits for it: the in-process run is the fast path, this one catches what a crash lost.
        return consumers.background(
                reallocation,
                List.of(events),
                incoming.handler(reallocation, AvroEvents::ownEventToMessage, bus::handleEvents));
    }

    @Bean
    KafkaAdmin.NewTopics allocationTopics(MessagingProperties properties) {
        return TopicDeclarations.commandsAndEvents(properties.topics(), true);
    }
}
