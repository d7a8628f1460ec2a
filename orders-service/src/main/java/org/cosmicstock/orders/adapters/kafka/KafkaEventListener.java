package org.cosmicstock.orders.adapters.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.springframework.kafka.annotation.KafkaListener;

/** Follows allocation events to track every order line; events about batches are skipped. */
public final class KafkaEventListener {

    private final IncomingMessages incoming;
    private final MessageBus<OrdersUnitOfWork> bus;

    public KafkaEventListener(IncomingMessages incoming, MessageBus<OrdersUnitOfWork> bus) {
        this.incoming = incoming;
        this.bus = bus;
    }

    @KafkaListener(
            id = "orders-allocation-events",
            topics = "${cosmicstock.messaging.topics.events:allocation.events}",
            groupId = "${spring.kafka.consumer.group-id:orders-service}",
            containerFactory = "avroListenerFactory")
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        incoming.handle(
                record,
                (payload, context) -> AvroOrderMessages.toCommand(payload)
                        .map(command -> bus.handle(command, context))
                        .orElse(Outcome.SKIPPED));
    }
}
