package org.cosmicstock.orders.bootstrap;

import java.util.List;
import javax.sql.DataSource;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.config.MessagingConfiguration;
import org.cosmicstock.messaging.config.MessagingProperties;
import org.cosmicstock.messaging.config.OutboxConfiguration;
import org.cosmicstock.messaging.config.TopicDeclarations;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.kafka.DeadLetters;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.orders.adapters.jdbc.JdbcOrderQueries;
import org.cosmicstock.orders.adapters.jdbc.JdbcOrdersUnitOfWork;
import org.cosmicstock.orders.adapters.kafka.AvroOrderMessages;
import org.cosmicstock.orders.adapters.kafka.KafkaEventListener;
import org.cosmicstock.orders.service.OrderHandlers;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The composition root of the orders service. */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, OutboxConfiguration.class})
public class OrdersConfiguration {

    static final List<String> EVENT_TYPES =
            List.of("BatchCreated", "BatchQuantityChanged", "Allocated", "Deallocated", "OutOfStock");

    @Bean
    MessageBus<OrdersUnitOfWork> messageBus(
            DataSource dataSource, TransactionalMessaging messaging, MessagingProperties properties) {
        AvroOrderMessages messages = new AvroOrderMessages(properties.topics().commands());
        return OrderHandlers.bus(
                context -> new JdbcOrdersUnitOfWork(dataSource, context, messaging, messages::toOutgoing));
    }

    @Bean
    JdbcOrderQueries orderQueries(DataSource dataSource) {
        return new JdbcOrderQueries(dataSource);
    }

    @Bean
    KafkaEventListener kafkaEventListener(
            IncomingMessages incoming,
            MessageBus<OrdersUnitOfWork> bus,
            MessagingMetrics metrics,
            MessagingProperties properties) {
        metrics.knowConsumed(properties.topics().events(), EVENT_TYPES);
        metrics.knowPublished(properties.topics().commands(), List.of("Allocate"));
        return new KafkaEventListener(incoming, bus);
    }

    @Bean
    KafkaAdmin.NewTopics ordersTopics(MessagingProperties properties) {
        var topics = properties.topics();
        return TopicDeclarations.of(topics, topics.commands(), topics.events(), topics.events() + DeadLetters.SUFFIX);
    }
}
