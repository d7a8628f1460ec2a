package org.cosmicstock.messaging.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A consumer that dies is not silent. A listener container stops a consumer thread that met an
 * {@link Error} (an {@code AssertionError}, a {@code NoClassDefFoundError}, a {@code
 * StackOverflowError} in a handler) or a fatal client error; its partitions would then wait for
 * good. The instance reports itself broken instead: {@code /actuator/health/liveness} answers DOWN,
 * and the orchestrator (Kubernetes' liveness probe, {@code ./run-local}) restarts it.
 */
public final class ConsumerLiveness implements ApplicationListener<ConsumerStoppedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLiveness.class);

    private final ApplicationEventPublisher publisher;

    public ConsumerLiveness(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        if (event.getReason() == ConsumerStoppedEvent.Reason.NORMAL) {
            return;
        }
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        LOG.error(
                "Consumer group {} stopped a consumer ({}): its partitions are no longer consumed; liveness is"
                        + " now DOWN so that this instance is restarted (the cause is logged above)",
                container.getGroupId(),
                event.getReason());
        AvailabilityChangeEvent.publish(publisher, this, LivenessState.BROKEN);
    }
}
