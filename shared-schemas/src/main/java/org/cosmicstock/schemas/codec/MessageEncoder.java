package org.cosmicstock.schemas.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.registry.RegisteredSchema;

/**
 * The write side of {@link MessageCodec}: each type in the version it writes, in single-object
 * encoding or, with {@link RegistryWriters} (null for single-object encoding), in the
 * schema-registry format.
 */
record MessageEncoder(MessageWriters writers, RegistryWriters registryWriters, ReleasedSchemas released) {

    WireFormat format() {
        return registryWriters == null ? WireFormat.SINGLE_OBJECT : WireFormat.SCHEMA_REGISTRY;
    }

    int version(Class<? extends SpecificRecord> type) {
        return released.versionOf(writers.of(messageType(type)).released());
    }

    byte[] encode(String topic, SpecificRecord message) {
        Objects.requireNonNull(message, "message");
        Schema schema = message.getSchema();
        MessageWriters.Writer writer = writers.of(message);
        int headerLength = registryWriters == null ? SingleObjectHeader.LENGTH : RegistryHeader.LENGTH;
        int schemaId =
                registryWriters == null ? 0 : registryWriters.idFor(topic, writer.released(), writer.fingerprint());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(new byte[headerLength]);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.datumWriter().write(message, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Typically a null in a required field: the caller built an invalid message.
            throw new IllegalArgumentException("Cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
        byte[] bytes = out.toByteArray();
        if (registryWriters == null) {
            SingleObjectHeader.write(bytes, writer.fingerprint());
        } else {
            RegistryHeader.write(bytes, schemaId);
        }
        return bytes;
    }

    List<RegisteredSchema> verify(String topic, Collection<Class<? extends SpecificRecord>> types) {
        List<RegisteredSchema> found = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : types) {
            MessageType known = messageType(type);
            if (registryWriters != null) {
                Schema schema = writers.of(known).released();
                found.add(registryWriters.ensure(registryWriters.subject(topic, known.fullName()), schema));
            }
        }
        return found;
    }

    /** @throws IllegalArgumentException if {@code type} is not a message type of the contract */
    private static MessageType messageType(Class<? extends SpecificRecord> type) {
        return MessageType.ALL.stream()
                .filter(candidate -> candidate.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a message type"));
    }
}
