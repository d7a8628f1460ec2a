package org.cosmicstock.orders.bootstrap;

import java.util.List;
import javax.sql.DataSource;
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
import org.cosmicstock.orders.adapters.jdbc.JdbcOrderQueries;
import org.cosmicstock.orders.adapters.jdbc.JdbcOrdersUnitOfWork;
import org.cosmicstock.orders.adapters.kafka.AvroOrderMessages;
import org.cosmicstock.orders.service.Handlers;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The composition root of the orders service. */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, OutboxConfiguration.class})
public class OrdersConfiguration {

    static final List<String> EVENT_TYPES = MessageTypes.names(MessageTypes.events());

    @Bean
    MessageBus<OrdersUnitOfWork> messageBus(
            DataSource dataSource,
            TransactionalMessaging messaging,
            MessagingProperties properties,
            IncomingMessages incoming,
            MessageCodec codec) {
        WrittenSchemas.verify(codec, properties.topics().commands(), AvroOrderMessages.SENT);
        AvroOrderMessages messages = new AvroOrderMessages(properties.topics().commands());
        return Handlers.bus(
                () -> new JdbcOrdersUnitOfWork(dataSource, messaging, messages::toOutgoing),
                properties.retry().conflictAttempts(),
                incoming::handling);
    }

    @Bean
    JdbcOrderQueries orderQueries(DataSource dataSource) {
        return new JdbcOrderQueries(dataSource);
    }

    /** Follows allocation events to track every order line; events about batches are skipped. */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> allocationEventsConsumer(
            KafkaConsumers consumers,
            IncomingMessages incoming,
            MessageBus<OrdersUnitOfWork> bus,
            MessagingMetrics metrics,
            MessagingProperties properties,
            @Value("${spring.kafka.consumer.group-id:orders-service}") String group) {
        String events = properties.topics().events();
        metrics.knowConsumed(events, EVENT_TYPES);
        metrics.knowPublished(properties.topics().commands(), MessageTypes.names(AvroOrderMessages.SENT));
        return consumers.group(
                group,
                List.of(events),
                properties.consumer().concurrency(),
                incoming.handler(group, AvroOrderMessages::toMessage, bus::handleAll));
    }

    @Bean
    KafkaAdmin.NewTopics ordersTopics(MessagingProperties properties) {
        return TopicDeclarations.commandsAndEvents(properties.topics(), false);
    }
}
