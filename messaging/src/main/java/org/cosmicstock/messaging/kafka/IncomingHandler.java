package org.cosmicstock.messaging.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Outcome;

/** Applies one decoded message; errors propagate to the container's retry and dead-letter handling. */
@FunctionalInterface
public interface IncomingHandler {

    Outcome handle(SpecificRecord payload, MessageContext context);
}
