package org.cosmicstock.schemas.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.codec.WireFormat;

/**
 * Writes the contract fixtures of every released version that has none yet, and never touches a version
 * that has: old fixtures are what old producers sent, and a change that cannot read them must fail the
 * build, not regenerate them. The messages are {@link SampleMessages} of the type, carried over to the
 * version's schema by Avro schema resolution; the bytes are written by Avro's own encoders, not by the codec
 * under test. Run it after releasing a version:
 *
 * <pre>./mvnw -o -q -pl shared-schemas test -Dtest=GenerateContractFixtures</pre>
 */
public final class ContractFixtureGenerator {

    private ContractFixtureGenerator() {}

    /** @param args the test resources directory, {@code src/test/resources} of shared-schemas by default */
    public static void main(String[] args) {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        List<String> written = generate(
                resources.resolve(ContractFixtures.DIRECTORY),
                ReleasedSchemas.load(),
                SampleMessages.all(),
                System.out::println);
        System.out.println(written.isEmpty() ? "Every released version has its fixtures" : "Wrote " + written);
    }

    /**
     * @param directory the fixtures directory ({@code .../org/cosmicstock/schemas/fixtures})
     * @return the versions written, as {@code <type>/v<N>}
     * @throws IllegalStateException if a version's directory exists without an index line, or a type has no sample
     */
    public static List<String> generate(
            Path directory, ReleasedSchemas released, List<SpecificRecord> samples, Consumer<String> progress) {
        try {
            Files.createDirectories(directory);
            Path index = directory.resolve("index.txt");
            if (!Files.exists(index)) {
                Files.writeString(index, "# Every version with contract fixtures; never remove a line.\n");
            }
            List<String> listed =
                    Files.readAllLines(index).stream().map(String::strip).toList();
            int lastId = lastSchemaId(directory, listed);
            List<String> written = new ArrayList<>();
            for (Map.Entry<String, List<Schema>> type : released.all().entrySet()) {
                for (int version = 1; version <= type.getValue().size(); version++) {
                    String key = type.getKey() + "/v" + version;
                    if (listed.contains(key)) {
                        continue;
                    }
                    write(
                            directory.resolve(key),
                            type.getKey(),
                            version,
                            type.getValue().get(version - 1),
                            ++lastId,
                            samplesOf(type.getKey(), samples));
                    Files.writeString(index, key + "\n", StandardOpenOption.APPEND);
                    written.add(key);
                    progress.accept("Wrote fixtures of " + key + " (schema id " + lastId + ")");
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write contract fixtures under " + directory, e);
        }
    }

    private static void write(
            Path dir, String type, int version, Schema writer, int schemaId, List<SpecificRecord> samples)
            throws IOException {
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " exists but index.txt does not list it: a half-written version?"
                    + " Delete the directory and run again, or list it if it is complete.");
        }
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (SpecificRecord sample : samples) {
            String name = "message-" + (names.size() + 1);
            GenericRecord message = inVersion(sample, writer);
            byte[] body = binary(writer, message);
            byte[] single = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer)
                    .encode(message)
                    .array();
            byte[] registry = new byte[5 + body.length];
            registry[1] = (byte) (schemaId >>> 24);
            registry[2] = (byte) (schemaId >>> 16);
            registry[3] = (byte) (schemaId >>> 8);
            registry[4] = (byte) schemaId;
            System.arraycopy(body, 0, registry, 5, body.length);
            create(dir.resolve(name + ".json"), json(writer, message).getBytes(StandardCharsets.UTF_8));
            writeFormat(dir, name, WireFormat.SINGLE_OBJECT, type, single);
            writeFormat(dir, name, WireFormat.SCHEMA_REGISTRY, type, registry);
            names.add(name);
        }
        // Exactly the text registered (Schema.toString()), which is what the id stands for.
        create(dir.resolve("schema.avsc"), writer.toString().getBytes(StandardCharsets.UTF_8));
        create(
                dir.resolve("version.properties"),
                ("# Written by ContractFixtureGenerator; never edit or rewrite.\ntype=" + type + "\nversion=" + version
                                + "\nschema.id=" + schemaId + "\nfixtures=" + String.join(",", names) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void writeFormat(Path dir, String name, WireFormat format, String type, byte[] payload)
            throws IOException {
        String file = name + "." + ContractFixtures.suffix(format);
        create(dir.resolve(file + ".bin"), payload);
        create(
                dir.resolve(file + ".headers"),
                ("ce_type=" + type + "\ncontent-type=" + format.mediaType() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void create(Path file, byte[] content) throws IOException {
        Files.write(file, content, StandardOpenOption.CREATE_NEW);
    }

    private static int lastSchemaId(Path directory, List<String> listed) throws IOException {
        int last = 0;
        for (String key : listed) {
            if (!key.isEmpty() && !key.startsWith("#")) {
                byte[] file = Files.readAllBytes(directory.resolve(key).resolve("version.properties"));
                last = Math.max(
                        last, Integer.parseInt(ContractFixtures.properties(file).getProperty("schema.id")));
            }
        }
        return last;
    }

    private static List<SpecificRecord> samplesOf(String type, List<SpecificRecord> samples) {
        List<SpecificRecord> ofType = samples.stream()
                .filter(sample -> MessageCodec.typeName(sample).equals(type))
                .toList();
        if (ofType.isEmpty()) {
            throw new IllegalStateException("No sample of " + type + ": add one to SampleMessages");
        }
        return ofType;
    }

    // The sample (current class) as the given version would hold it: Avro resolution from current to that version.
    private static GenericRecord inVersion(SpecificRecord sample, Schema writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(sample.getSchema(), ((SpecificRecordBase) sample).getSpecificData())
                .write(sample, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(sample.getSchema(), writer)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static byte[] binary(Schema schema, GenericRecord message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(message, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static String json(Schema schema, GenericRecord message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out, true);
        new GenericDatumWriter<GenericRecord>(schema).write(message, encoder);
        encoder.flush();
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }
}
