package org.cosmicstock.allocation.adapters.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.allocation.domain.Deallocated;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads this service's own {@code Deallocated} events back from the broker, so a reallocation is
 * never lost when the process dies between the commit that deallocated a line and the in-process
 * handler that reallocates it. When the in-process run already happened, the inbox makes this a
 * duplicate.
 */
public final class KafkaEventListener {

    private final IncomingMessages incoming;
    private final MessageBus<AllocationUnitOfWork> bus;

    public KafkaEventListener(IncomingMessages incoming, MessageBus<AllocationUnitOfWork> bus) {
        this.incoming = incoming;
        this.bus = bus;
    }

    @KafkaListener(
            id = "allocation-own-events",
            topics = "${cosmicstock.messaging.topics.events:allocation.events}",
            groupId = "allocation-service-reallocation",
            containerFactory = "avroListenerFactory")
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        incoming.handle(record, (payload, context) -> {
            if (payload instanceof org.cosmicstock.schemas.events.Deallocated e) {
                return bus.handleEvent(new Deallocated(e.getOrderId(), e.getSku(), e.getQty()), context);
            }
            return Outcome.SKIPPED;
        });
    }
}
