package org.cosmicstock.messaging.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns a decoded payload into the message a service's bus handles: empty for a payload this consumer
 * does not act on (counted as skipped); {@link org.cosmicstock.messaging.bus.MessageRejected} for one
 * that breaks the contract (dead-lettered).
 */
@FunctionalInterface
public interface PayloadMapper {

    Optional<Object> toMessage(SpecificRecord payload);
}
