package org.cosmicstock.schemas.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding of the contract's messages. Decoding resolves the writer schema among
 * every released version and reads into the current generated class. Thread-safe.
 */
public final class MessageCodec {

    private final ReleasedSchemas released;
    private final Map<String, MessageType> types;
    private final Map<Long, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, Writer> writers = new ConcurrentHashMap<>();

    /** A codec over the given versions; {@link #create()} is the one for production. */
    public MessageCodec(ReleasedSchemas released) {
        this.released = Objects.requireNonNull(released, "released");
        this.types = MessageType.ALL.stream().collect(Collectors.toMap(MessageType::fullName, Function.identity()));
        TrustedClasses.trust(MessageType.ALL.stream().map(MessageType::type).toList());
    }

    /** A codec over the versions released in this jar. */
    public static MessageCodec create() {
        return new MessageCodec(ReleasedSchemas.load());
    }

    /** The Avro full name of a message, e.g. {@code org.cosmicstock.schemas.commands.Allocate}. */
    public static String typeName(SpecificRecord message) {
        return message.getSchema().getFullName();
    }

    /** @throws IllegalArgumentException if the message's schema is not released or a required field is null */
    public byte[] encode(SpecificRecord message) {
        Objects.requireNonNull(message, "message");
        Schema schema = message.getSchema();
        Writer writer = writers.computeIfAbsent(schema, key -> writerFor(message));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(new byte[SingleObjectHeader.LENGTH]);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.datumWriter().write(message, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Typically a null in a required field: the caller built an invalid message.
            throw new IllegalArgumentException("Cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
        byte[] bytes = out.toByteArray();
        SingleObjectHeader.write(bytes, writer.fingerprint());
        return bytes;
    }

    /**
     * The message, read into the current generated class of its type whichever released version wrote it.
     *
     * @throws MessageDecodingException if the bytes are not a message this codec can read
     */
    public SpecificRecord decode(byte[] bytes) {
        long fingerprint = SingleObjectHeader.readFingerprint(bytes);
        Schema writer = writerSchema(fingerprint);
        String where = writer.getFullName() + " (fingerprint " + SingleObjectHeader.hex(fingerprint) + ")";
        DatumReader<SpecificRecord> reader = readers.computeIfAbsent(fingerprint, key -> readerFor(writer));
        return BodyReader.read(reader, bytes, where);
    }

    /**
     * The Avro full name of the message's writer schema, without decoding the body.
     *
     * @throws MessageDecodingException as {@link #decode} would for the header
     */
    public String typeOf(byte[] bytes) {
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

    private Writer writerFor(SpecificRecord message) {
        Schema schema = message.getSchema();
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (released.byFingerprint(fingerprint).isEmpty()) {
            throw new IllegalArgumentException("Cannot encode " + schema.getFullName() + ": its schema (fingerprint "
                    + SingleObjectHeader.hex(fingerprint) + ") is not a released version; release it under "
                    + ReleasedSchemas.DIRECTORY + " first");
        }
        // The generated class's own model holds its logical-type conversions (LocalDate).
        SpecificData model =
                message instanceof SpecificRecordBase base ? base.getSpecificData() : SpecificData.getForSchema(schema);
        return new Writer(fingerprint, new SpecificDatumWriter<>(schema, model));
    }

    private record Writer(long fingerprint, DatumWriter<SpecificRecord> datumWriter) {}
}
