package org.cosmicstock.schemas.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Readers for single-object encoded messages: the writer schema found among the released versions by its
 * fingerprint, resolved against the current generated class, one reader per fingerprint.
 */
final class SingleObjectReaders {

    private final ReleasedSchemas released;
    private final Map<String, MessageType> types;
    private final Map<Long, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    SingleObjectReaders(ReleasedSchemas released, Map<String, MessageType> types) {
        this.released = released;
        this.types = types;
    }

    SpecificRecord decode(byte[] bytes) {
        long fingerprint = SingleObjectHeader.readFingerprint(bytes);
        Schema writer = writerSchema(fingerprint);
        String where = writer.getFullName() + " (fingerprint " + SingleObjectHeader.hex(fingerprint) + ")";
        DatumReader<SpecificRecord> reader = readers.computeIfAbsent(fingerprint, key -> readerFor(writer));
        return BodyReader.read(reader, bytes, SingleObjectHeader.LENGTH, where);
    }

    String typeOf(byte[] bytes) {
        return writerSchema(SingleObjectHeader.readFingerprint(bytes)).getFullName();
    }

    private Schema writerSchema(long fingerprint) {
        Schema writer =
                released.byFingerprint(fingerprint).orElseThrow(() -> UnknownSchemaException.notReleased(fingerprint));
        if (!types.containsKey(writer.getFullName())) {
            throw UnknownSchemaException.withoutClass(writer.getFullName(), fingerprint);
        }
        return writer;
    }

    private DatumReader<SpecificRecord> readerFor(Schema writer) {
        MessageType type = types.get(writer.getFullName());
        return new SpecificDatumReader<>(writer, type.schema(), type.model());
    }
}
