package org.cosmicstock.allocation.bootstrap;

import java.util.List;
import javax.sql.DataSource;
import org.cosmicstock.allocation.adapters.jdbc.JdbcAllocationUnitOfWork;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.adapters.kafka.KafkaCommandListener;
import org.cosmicstock.allocation.adapters.kafka.KafkaEventListener;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.allocation.service.Handlers;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.config.MessagingConfiguration;
import org.cosmicstock.messaging.config.MessagingProperties;
import org.cosmicstock.messaging.config.OutboxConfiguration;
import org.cosmicstock.messaging.config.TopicDeclarations;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The composition root: plain objects from the service layer wired to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, OutboxConfiguration.class})
public class AllocationConfiguration {

    static final List<String> COMMAND_TYPES = List.of("CreateBatch", "Allocate", "ChangeBatchQuantity");
    static final List<String> EVENT_TYPES =
            List.of("BatchCreated", "BatchQuantityChanged", "Allocated", "Deallocated", "OutOfStock");

    @Bean
    MessageBus<AllocationUnitOfWork> messageBus(
            DataSource dataSource, TransactionalMessaging messaging, MessagingProperties properties) {
        AvroEvents events = new AvroEvents(properties.topics().events());
        return Handlers.bus(
                context -> new JdbcAllocationUnitOfWork(dataSource, context, messaging, events::toOutgoing));
    }

    @Bean
    KafkaCommandListener kafkaCommandListener(
            IncomingMessages incoming,
            MessageBus<AllocationUnitOfWork> bus,
            MessagingMetrics metrics,
            MessagingProperties properties) {
        metrics.knowConsumed(properties.topics().commands(), COMMAND_TYPES);
        metrics.knowPublished(properties.topics().events(), EVENT_TYPES);
        return new KafkaCommandListener(incoming, bus);
    }

    @Bean
    KafkaEventListener kafkaEventListener(
            IncomingMessages incoming,
            MessageBus<AllocationUnitOfWork> bus,
            MessagingMetrics metrics,
            MessagingProperties properties) {
        metrics.knowConsumed(properties.topics().events(), EVENT_TYPES);
        return new KafkaEventListener(incoming, bus);
    }

    @Bean
    KafkaAdmin.NewTopics allocationTopics(MessagingProperties properties) {
        var topics = properties.topics();
        return TopicDeclarations.of(
                topics,
                topics.commands(),
                topics.commands() + DeadLetters.SUFFIX,
                topics.events(),
                topics.events() + DeadLetters.SUFFIX);
    }
}
