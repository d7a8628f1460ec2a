package org.cosmicstock.schemas.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.cosmicstock.schemas.codec.WireFormat;

/**
 * One golden message: the bytes a producer of released version {@code version} of {@code type} sent in one
 * wire format, the headers that came with them and, for the registry format, the schema id they carry and
 * the schema that id stands for. Read by every consumer's contract test; never rewritten.
 *
 * @param name the sample's name within its version, e.g. {@code message-1}
 * @param payload the record value, byte for byte
 * @param headers the Kafka headers sent with it ({@code ce_type}, {@code content-type})
 * @param schemaId the registry schema id the registry-format payloads of this version carry
 * @param writerSchema the writer schema's text: the released version, and what {@code schemaId} stands for
 * @param json the message in Avro's JSON encoding under the writer schema: what the bytes must mean
 */
public record ContractFixture(
        String type,
        int version,
        String name,
        WireFormat format,
        byte[] payload,
        Map<String, String> headers,
        int schemaId,
        String writerSchema,
        String json) {

    public Schema writer() {
        return new Schema.Parser().parse(writerSchema);
    }

    /**
     * The message as a current reader must see it, in Avro's JSON encoding under {@code current} (the
     * generated class's schema): the fixture's JSON resolved from the writer schema by Avro alone, without
     * the codec, so it can stand as the expectation for what the codec decodes.
     */
    public String expectedJson(Schema current) {
        try {
            Schema writer = writer();
            GenericRecord resolved = new GenericDatumReader<GenericRecord>(writer, current, GenericData.get())
                    .read(null, DecoderFactory.get().jsonDecoder(writer, json));
            return json(current, new GenericDatumWriter<>(current, GenericData.get()), resolved);
        } catch (IOException e) {
            throw new UncheckedIOException("Fixture " + this + " holds JSON its own schema cannot read", e);
        }
    }

    /** A decoded message in Avro's JSON encoding under its own schema, to compare with {@link #expectedJson}. */
    public static String json(SpecificRecord message) {
        Schema schema = message.getSchema();
        SpecificDatumWriter<SpecificRecord> writer = message instanceof SpecificRecordBase base
                ? new SpecificDatumWriter<>(schema, base.getSpecificData())
                : new SpecificDatumWriter<>(schema);
        return json(schema, writer, message);
    }

    private static <T> String json(Schema schema, DatumWriter<T> writer, T datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
            writer.write(datum, encoder);
            encoder.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <type>/v<version>/<name>.<format>}, which is also where its files are. */
    @Override
    public String toString() {
        return type + "/v" + version + "/" + name + "." + ContractFixtures.suffix(format);
    }
}
