package org.cosmicstock.messaging.config;

import java.util.Collection;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegisteredSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of a producing service: with a schema registry configured, every schema it
 * writes must be registered (or is registered, if so configured) before it starts, so that a missing
 * schema stops the deployment instead of the first message. Nothing to do without a registry.
 */
public final class WrittenSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(WrittenSchemas.class);

    private WrittenSchemas() {}

    public static void verify(MessageCodec codec, String topic, Collection<Class<? extends SpecificRecord>> types) {
        for (RegisteredSchema schema : codec.verifyWriters(topic, types)) {
            LOG.info("Schema registry: {}", schema.describe());
        }
    }
}
