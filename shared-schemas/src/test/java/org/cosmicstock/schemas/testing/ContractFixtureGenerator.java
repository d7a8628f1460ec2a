package org.cosmicstock.schemas.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
 * Writes the contract fixtures of every version that has none yet, and never touches a released version that
 * has: old fixtures are what old producers sent, and a change that cannot read them must fail the build, not
 * regenerate them. A version not released yet (a current schema that {@code ReleaseSchemas} has not copied) has
 * its fixtures written like any other, so that every consumer's contract test reads it, but rewritten (same
 * schema id) on every run while it is unreleased, as its schema and samples may still change; they are frozen
 * as they are when the release command releases it. Fixtures of a version that is no longer one (a current
 * schema changed back before release) are removed with their index line. The messages are {@link
 * SampleMessages} of the type, carried over to the version's schema by Avro schema resolution; the bytes are
 * written by Avro's own encoders, not by the codec under test. Run it after changing a schema:
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
        System.out.println(written.isEmpty() ? "Every version has its fixtures" : "Wrote " + written);
    }

    /**
     * @param directory the fixtures directory ({@code .../org/cosmicstock/schemas/fixtures})
     * @return the versions written, as {@code <type>/v<N>}: new ones, and unreleased ones whose fixtures changed
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
            List<String> written = new ArrayList<>(rewriteUnreleased(directory, index, released, samples, progress));
            List<String> listed =
                    Files.readAllLines(index).stream().map(String::strip).toList();
            int lastId = lastSchemaId(directory, listed);
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

    /**
     * Writes again the fixtures of every listed version that is not released, with the schema id it had, and
     * removes those of a listed version that no longer is one (nor released): neither is a contract yet.
     */
    private static List<String> rewriteUnreleased(
            Path directory,
            Path index,
            ReleasedSchemas released,
            List<SpecificRecord> samples,
            Consumer<String> progress)
            throws IOException {
        List<String> rewritten = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String line : Files.readAllLines(index)) {
            String key = line.strip();
            int slash = key.lastIndexOf("/v");
            if (key.isEmpty() || key.startsWith("#") || slash < 0) {
                kept.add(line);
                continue;
            }
            String type = key.substring(0, slash);
            int version = Integer.parseInt(key.substring(slash + 2));
            if (released.isReleased(type, version)) {
                kept.add(line);
                continue;
            }
            Path dir = directory.resolve(key);
            int schemaId =
                    Integer.parseInt(ContractFixtures.properties(Files.readAllBytes(dir.resolve("version.properties")))
                            .getProperty("schema.id"));
            Map<String, byte[]> before = TestFiles.contents(dir);
            deleteDirectory(dir);
            if (version > released.versionsOf(type).size()) {
                progress.accept("Removed the fixtures of " + key + ", no longer a version of its type");
                removed = true;
                continue;
            }
            kept.add(line);
            write(dir, type, version, released.version(type, version), schemaId, samplesOf(type, samples));
            if (!sameContents(before, TestFiles.contents(dir))) {
                rewritten.add(key);
                progress.accept("Rewrote the fixtures of " + key + ", not released yet (schema id " + schemaId + ")");
            }
        }
        if (removed) {
            Files.write(index, kept);
        }
        return rewritten;
    }

    private static boolean sameContents(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet())
                && a.keySet().stream().allMatch(file -> Arrays.equals(a.get(file), b.get(file)));
    }

    private static void deleteDirectory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
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
