package org.cosmicstock.schemas.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/** One datum writer per generated schema, which must be a released version; shared by both wire formats. */
final class MessageWriters {

    /**
     * @param fingerprint the schema's CRC-64-AVRO fingerprint, written by single-object encoding
     * @param released the released version with that fingerprint: the text registered in a registry
     */
    record Writer(long fingerprint, Schema released, DatumWriter<SpecificRecord> datumWriter) {}

    private final ReleasedSchemas released;
    private final Map<Schema, Writer> writers = new ConcurrentHashMap<>();

    MessageWriters(ReleasedSchemas released) {
        this.released = released;
    }

    Writer of(SpecificRecord message) {
        // The generated class's own model holds its logical-type conversions (LocalDate).
        return writers.computeIfAbsent(
                message.getSchema(),
                schema -> create(
                        schema,
                        message instanceof SpecificRecordBase base
                                ? base.getSpecificData()
                                : SpecificData.getForSchema(schema)));
    }

    Writer of(MessageType type) {
        return writers.computeIfAbsent(type.schema(), schema -> create(schema, type.model()));
    }

    private Writer create(Schema schema, SpecificData model) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        Schema releasedVersion = released.byFingerprint(fingerprint)
                .orElseThrow(() -> new IllegalArgumentException("Cannot encode " + schema.getFullName()
                        + ": its schema (fingerprint " + SingleObjectHeader.hex(fingerprint)
                        + ") is not a released version; release it under " + ReleasedSchemas.DIRECTORY + " first"));
        return new Writer(fingerprint, releasedVersion, new SpecificDatumWriter<>(schema, model));
    }
}
