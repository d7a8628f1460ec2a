package org.cosmicstock.schemas.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One datum writer per generated schema, which must be a released version; shared by both wire formats. A
 * type configured to be written in an older released version ({@link SchemaVersions#write()}) is written in
 * that version: exactly what a reader of that version would read from the current message (Avro schema
 * resolution from the current schema to the older one: fields the older version lacks are left out).
 */
final class MessageWriters {

    /**
     * @param fingerprint the written schema's CRC-64-AVRO fingerprint, written by single-object encoding
     * @param released the released version written: the text registered in a registry
     */
    record Writer(long fingerprint, Schema released, DatumWriter<SpecificRecord> datumWriter) {}

    private final ReleasedSchemas released;
    private final SchemaVersions versions;
    private final Map<Schema, Writer> writers = new ConcurrentHashMap<>();

    MessageWriters(ReleasedSchemas released, SchemaVersions versions) {
        this.released = released;
        this.versions = versions;
        // A version that is not released fails here, at start-up, not at the first message.
        versions.write().forEach(released::version);
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
        Schema current = released.byFingerprint(fingerprint)
                .orElseThrow(() -> new IllegalArgumentException("Cannot encode " + schema.getFullName()
                        + ": its schema (fingerprint " + SingleObjectHeader.hex(fingerprint)
                        + ") is not a released version; release it under " + ReleasedSchemas.DIRECTORY + " first"));
        DatumWriter<SpecificRecord> direct = new SpecificDatumWriter<>(schema, model);
        int version = versions.writeVersion(schema.getFullName());
        if (version == 0 || released.version(schema.getFullName(), version).equals(current)) {
            return new Writer(fingerprint, current, direct);
        }
        Schema older = released.version(schema.getFullName(), version);
        return new Writer(
                SchemaNormalization.parsingFingerprint64(older), older, new OlderVersionWriter(schema, older, direct));
    }

    /**
     * Writes a message of the current schema in an older version: the current body read back with the older
     * version as reader schema (Avro's schema resolution, the rules every reader of that version applies), then
     * written in it. Generic data throughout, so logical types pass through as their Avro values. Thread-safe,
     * as Avro's datum readers and writers are once built.
     */
    private static final class OlderVersionWriter implements DatumWriter<SpecificRecord> {

        private final DatumWriter<SpecificRecord> current;
        private final GenericDatumReader<Object> toOlder;
        private final GenericDatumWriter<Object> older;

        OlderVersionWriter(Schema currentSchema, Schema olderSchema, DatumWriter<SpecificRecord> current) {
            this.current = current;
            this.toOlder = new GenericDatumReader<>(currentSchema, olderSchema, GenericData.get());
            this.older = new GenericDatumWriter<>(olderSchema, GenericData.get());
        }

        @Override
        public void setSchema(Schema schema) {
            throw new UnsupportedOperationException("the schemas of an older-version writer are fixed");
        }

        @Override
        public void write(SpecificRecord message, Encoder out) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(64);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
            current.write(message, encoder);
            encoder.flush();
            Object asOlder = toOlder.read(null, DecoderFactory.get().binaryDecoder(body.toByteArray(), null));
            older.write(asOlder, out);
        }
    }
}
