package org.cosmicstock.schemas.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cosmicstock.schemas.codec.WireFormat;

/**
 * The contract fixtures, read from the classpath (this module's test resources, or the shared-schemas
 * test-jar): for every released version of every message type, golden messages in both wire formats.
 *
 * <pre>
 * org/cosmicstock/schemas/fixtures/
 *   index.txt                                  one line per version, {@code <type>/v<N>}; never remove a line
 *   &lt;type&gt;/v&lt;N&gt;/version.properties           type, version, schema.id, fixtures (comma-separated names)
 *   &lt;type&gt;/v&lt;N&gt;/schema.avsc                  the writer schema: released version N, what schema.id stands for
 *   &lt;type&gt;/v&lt;N&gt;/&lt;name&gt;.json                  the message in Avro's JSON encoding under that schema
 *   &lt;type&gt;/v&lt;N&gt;/&lt;name&gt;.single-object.bin      the record value in single-object encoding
 *   &lt;type&gt;/v&lt;N&gt;/&lt;name&gt;.single-object.headers  its headers, one {@code name=value} a line
 *   &lt;type&gt;/v&lt;N&gt;/&lt;name&gt;.schema-registry.bin    the record value in the schema-registry format (id schema.id)
 *   &lt;type&gt;/v&lt;N&gt;/&lt;name&gt;.schema-registry.headers
 * </pre>
 */
public final class ContractFixtures {

    public static final String DIRECTORY = "org/cosmicstock/schemas/fixtures/";

    private ContractFixtures() {}

    /** Every fixture of every version, both formats, in index order. */
    public static List<ContractFixture> all() {
        List<ContractFixture> fixtures = new ArrayList<>();
        for (String version : versions()) {
            Properties properties = properties(read(DIRECTORY + version + "/version.properties"));
            String type = properties.getProperty("type");
            int number = Integer.parseInt(properties.getProperty("version"));
            int schemaId = Integer.parseInt(properties.getProperty("schema.id"));
            String schema = text(DIRECTORY + version + "/schema.avsc");
            for (String name : properties.getProperty("fixtures").split(",")) {
                String base = DIRECTORY + version + "/" + name.strip();
                for (WireFormat format : WireFormat.values()) {
                    String file = base + "." + suffix(format);
                    fixtures.add(new ContractFixture(
                            type,
                            number,
                            name.strip(),
                            format,
                            read(file + ".bin"),
                            headers(read(file + ".headers")),
                            schemaId,
                            schema,
                            text(base + ".json")));
                }
            }
        }
        return fixtures;
    }

    /** The fixtures of one type (full name), every version, both formats. */
    public static List<ContractFixture> of(String type) {
        return all().stream().filter(fixture -> fixture.type().equals(type)).toList();
    }

    /**
     * Makes each fixture's schema id stand for its writer schema in {@code registry}, as it did in the registry
     * the fixtures were written against; a consumer reading the registry-format fixtures needs this.
     */
    public static FakeSchemaRegistry putSchemas(FakeSchemaRegistry registry, List<ContractFixture> fixtures) {
        fixtures.forEach(fixture -> registry.put(fixture.schemaId(), fixture.writerSchema(), "AVRO"));
        return registry;
    }

    /** The lines of {@code index.txt}: {@code <type>/v<N>}, oldest version of each type first. */
    public static List<String> versions() {
        return text(DIRECTORY + "index.txt")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    static String suffix(WireFormat format) {
        return format == WireFormat.SINGLE_OBJECT ? "single-object" : "schema-registry";
    }

    static Map<String, String> headers(byte[] file) {
        Map<String, String> headers = new LinkedHashMap<>();
        new String(file, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .forEach(line -> {
                    int equals = line.indexOf('=');
                    headers.put(line.substring(0, equals), line.substring(equals + 1));
                });
        return headers;
    }

    static Properties properties(byte[] file) {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String text(String resource) {
        return new String(read(resource), StandardCharsets.UTF_8);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ContractFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing contract fixture " + resource
                        + " (on the classpath from shared-schemas' test resources or its test-jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read contract fixture " + resource, e);
        }
    }
}
