package org.cosmicstock.allocation.adapters.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code allocation.commands} and hands each command to the bus. De-duplication happens
 * in the unit of work (the inbox); retries and dead-lettering in the container's error handler.
 */
public final class KafkaCommandListener {

    private final IncomingMessages incoming;
    private final MessageBus<AllocationUnitOfWork> bus;

    public KafkaCommandListener(IncomingMessages incoming, MessageBus<AllocationUnitOfWork> bus) {
        this.incoming = incoming;
        this.bus = bus;
    }

    @KafkaListener(
            id = "allocation-commands",
            topics = "${cosmicstock.messaging.topics.commands:allocation.commands}",
            groupId = "${spring.kafka.consumer.group-id:allocation-service}",
            containerFactory = "avroListenerFactory")
    public void onCommand(ConsumerRecord<String, byte[]> record) {
        incoming.handle(record, (payload, context) -> bus.handle(AvroCommands.toDomain(payload), context));
    }
}
