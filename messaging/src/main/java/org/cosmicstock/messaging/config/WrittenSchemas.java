package org.cosmicstock.messaging.config;

import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegisteredSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of a producing service: with a schema registry configured, every schema it
 * writes must be registered (or is registered, if so configured) before it starts, so that a missing
 * schema stops the deployment instead of the first message. Nothing to check without a registry. Either
 * way the version written of each type is logged: during a rolling upgrade it is what readers must know.
 */
public final class WrittenSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(WrittenSchemas.class);

    private WrittenSchemas() {}

    public static void verify(MessageCodec codec, String topic, Collection<Class<? extends SpecificRecord>> types) {
        LOG.info(
                "Writes to {}: {} (cosmicstock.messaging.schemas.write)",
                topic,
                types.stream()
                        .map(type -> type.getSimpleName() + " v" + codec.writeVersion(type))
                        .collect(Collectors.joining(", ")));
        for (RegisteredSchema schema : codec.verifyWriters(topic, types)) {
            LOG.info("Schema registry: {}", schema.describe());
        }
    }
}
