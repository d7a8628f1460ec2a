package org.cosmicstock.schemas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.codec.ReleasedSchemas;

/**
 * The parts of the contract's documents that list the message types, written from the schemas (their fields,
 * docs and {@link ContractRoles}) so that a new type needs no line in them: the payload table of
 * docs/CONTRACT.md, between its two marker comments (the prose around it stays hand-written), and the whole of
 * docs/asyncapi.yaml, from its hand-written frame ({@link #ASYNCAPI_FRAME}: info, channels, operations, headers)
 * with a message and a dead-letter message for each type, on the channel of its namespace. Run it after adding
 * or changing a schema, and commit what it wrote ({@code ContractDocsTest} fails until then):
 *
 * <pre>{@value #REGENERATE}</pre>
 */
public final class ContractDocs {

    public static final String REGENERATE = "./mvnw -o -q -pl shared-schemas test -Dtest=GenerateContractDocs";

    /** From shared-schemas' directory, as the build runs tests. */
    public static final Path CONTRACT = Path.of("..", "docs", "CONTRACT.md");

    public static final Path ASYNCAPI = Path.of("..", "docs", "asyncapi.yaml");

    /** The hand-written part of docs/asyncapi.yaml, a test resource of shared-schemas. */
    public static final String ASYNCAPI_FRAME = "org/cosmicstock/schemas/asyncapi-frame.yaml";

    static final String TABLE_START =
            "<!-- The payload table is generated from the schemas by GenerateContractDocs: do not edit it here. -->";
    static final String TABLE_END = "<!-- End of the generated payload table. -->";

    private static final Path CURRENT_SCHEMAS = Path.of("src", "main", "avro");

    private ContractDocs() {}

    public static void main(String[] args) throws IOException {
        Files.writeString(CONTRACT, contract(Files.readString(CONTRACT)));
        Files.writeString(ASYNCAPI, asyncApi());
        System.out.println("Wrote the payload table of " + CONTRACT + " and " + ASYNCAPI);
    }

    /** docs/CONTRACT.md as it should read: {@code document} with its payload table written from the schemas. */
    public static String contract(String document) {
        int start = document.indexOf(TABLE_START);
        int end = document.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(CONTRACT + " has lost the marker comments around its payload table: "
                    + TABLE_START + " ... " + TABLE_END);
        }
        return document.substring(0, start + TABLE_START.length()) + "\n" + payloadTable() + "\n"
                + document.substring(end);
    }

    /** The payload table: a row per type, commands first, each with its roles and its fields. */
    static String payloadTable() {
        StringBuilder table = new StringBuilder("| type | written by | acted on by | fields |\n|---|---|---|---|\n");
        for (Schema schema : schemas()) {
            ContractRoles.Roles roles = ContractRoles.of(schema);
            table.append("| `")
                    .append(schema.getName())
                    .append("`: ")
                    .append(cell(schema.getDoc()))
                    .append(" | ")
                    .append(String.join(", ", roles.writtenBy()))
                    .append(" | ")
                    .append(roles.actedOnBy().isEmpty() ? "—" : String.join(", ", roles.actedOnBy()))
                    .append(" | ")
                    .append(schema.getFields().stream()
                            .map(field -> fieldCell(schema, field))
                            .collect(Collectors.joining("<br>")))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** {@code `name: type`}, its default and the version that added it if not the first, then its doc. */
    private static String fieldCell(Schema record, Schema.Field field) {
        List<String> notes = new ArrayList<>();
        if (field.hasDefaultValue()) {
            notes.add("default "
                    + (field.defaultVal() == JsonProperties.NULL_VALUE ? "null" : String.valueOf(field.defaultVal())));
        }
        int since = firstVersionWith(record, field.name());
        if (since > 1) {
            notes.add("since v" + since);
        }
        return "`" + field.name() + ": " + cell(avroType(field.schema())) + "`"
                + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")") + " — " + cell(field.doc());
    }

    /** " Since v2: batchRef, batchAllocated." for the fields a later version added, or nothing. */
    private static String fieldsAddedSinceV1(Schema record) {
        Map<Integer, List<String>> added = new TreeMap<>();
        for (Schema.Field field : record.getFields()) {
            int since = firstVersionWith(record, field.name());
            if (since > 1) {
                added.computeIfAbsent(since, version -> new ArrayList<>()).add(field.name());
            }
        }
        return added.entrySet().stream()
                .map(version -> " Since v" + version.getKey() + ": " + String.join(", ", version.getValue()) + ".")
                .collect(Collectors.joining());
    }

    private static int firstVersionWith(Schema record, String field) {
        List<Schema> versions = ReleasedSchemas.load().versionsOf(record.getFullName());
        for (int version = 1; version <= versions.size(); version++) {
            if (versions.get(version - 1).getField(field) != null) {
                return version;
            }
        }
        return 1;
    }

    /** A field's type as the contract names it: {@code string}, {@code date} (an int of logical type date), {@code null | int}. */
    public static String avroType(Schema schema) {
        if (schema.isUnion()) {
            return schema.getTypes().stream().map(ContractDocs::avroType).collect(Collectors.joining(" | "));
        }
        return schema.getLogicalType() instanceof LogicalTypes.Date ? "date" : schema.getName();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** docs/asyncapi.yaml as it should read: its frame with every type's messages filled in. */
    static String asyncApi() {
        List<Schema> commands = schemas(MessageTypes.commands());
        List<Schema> events = schemas(MessageTypes.events());
        Map<String, Block> blocks = Map.of(
                "{{messages of the commands}}", new Block(commands, ContractDocs::channelMessage),
                "{{messages of the events}}", new Block(events, ContractDocs::channelMessage),
                "{{dead letters of the commands}}", new Block(commands, ContractDocs::channelDeadLetter),
                "{{dead letters of the events}}", new Block(events, ContractDocs::channelDeadLetter),
                "{{messages of every type}}", new Block(schemas(), ContractDocs::message),
                "{{dead letters of every type}}", new Block(schemas(), ContractDocs::deadLetter));
        StringBuilder document = new StringBuilder();
        for (String line : frame().split("\n", -1)) {
            String placeholder = line.strip();
            if (!blocks.containsKey(placeholder)) {
                document.append(line).append('\n');
                continue;
            }
            String indent = line.substring(0, line.indexOf(placeholder));
            Block block = blocks.get(placeholder);
            for (Schema schema : block.types()) {
                block.text()
                        .apply(schema)
                        .lines()
                        .forEach(text -> document.append(indent).append(text).append('\n'));
            }
        }
        return document.substring(0, document.length() - 1);
    }

    /** What replaces a placeholder line of the frame: a block of text for each of these types. */
    private record Block(List<Schema> types, Function<Schema, String> text) {}

    private static String channelMessage(Schema schema) {
        return schema.getName() + ":\n  $ref: '#/components/messages/" + schema.getName() + "'\n";
    }

    private static String channelDeadLetter(Schema schema) {
        return schema.getName() + ":\n  $ref: '#/components/messages/" + schema.getName() + "DeadLetter'\n";
    }

    private static String message(Schema schema) {
        return messageBlock(
                schema.getName(),
                schema,
                schema.getName() + " (" + schema.getFullName() + ")",
                schema.getDoc() + fieldsAddedSinceV1(schema),
                "CloudEventHeaders");
    }

    private static String deadLetter(Schema schema) {
        return messageBlock(
                schema.getName() + "DeadLetter",
                schema,
                "A dead-lettered " + schema.getName() + " (" + schema.getFullName() + ")",
                "The original record's key, bytes (possibly not a readable " + schema.getName()
                        + " at all) and headers, plus why and where it came from.",
                "DeadLetterHeaders");
    }

    private static String messageBlock(String key, Schema schema, String title, String summary, String headers) {
        return key + ":\n"
                + "  name: " + schema.getName() + "\n"
                + "  title: " + yamlString(title) + "\n"
                + "  summary: " + yamlString(summary) + "\n"
                + "  contentType: application/avro\n"
                + "  headers:\n"
                + "    $ref: '#/components/schemas/" + headers + "'\n"
                + "  payload:\n"
                + "    schemaFormat: application/vnd.apache.avro;version=1.9.0\n"
                + "    schema:\n"
                + "      $ref: '../shared-schemas/src/main/avro/" + schemaFile(schema) + "'\n"
                + "  bindings:\n"
                + "    $ref: '#/components/messageBindings/keyedBySku'\n";
    }

    /** A type's current schema file is named after it; one that is not has no payload to point to. */
    private static String schemaFile(Schema schema) {
        String file = schema.getName() + ".avsc";
        if (!Files.exists(CURRENT_SCHEMAS.resolve(file))) {
            throw new IllegalStateException("No " + CURRENT_SCHEMAS.resolve(file) + " for " + schema.getFullName()
                    + ": a type's current schema is in the file named after it");
        }
        return file;
    }

    /** Plain when YAML reads it back as the same text, else single-quoted. */
    private static String yamlString(String text) {
        boolean plain = !text.isEmpty()
                && Character.isLetterOrDigit(text.charAt(0))
                && !text.contains(": ")
                && !text.contains(" #")
                && !text.endsWith(":")
                && !text.contains("\n");
        return plain ? text : "'" + text.replace("'", "''") + "'";
    }

    private static List<Schema> schemas() {
        List<Class<? extends SpecificRecord>> all = new ArrayList<>(MessageTypes.commands());
        all.addAll(MessageTypes.events());
        return schemas(all);
    }

    private static List<Schema> schemas(List<Class<? extends SpecificRecord>> types) {
        return types.stream().map(SpecificData.get()::getSchema).toList();
    }

    private static String frame() {
        try (InputStream in = ContractDocs.class.getClassLoader().getResourceAsStream(ASYNCAPI_FRAME)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + ASYNCAPI_FRAME);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ASYNCAPI_FRAME, e);
        }
    }
}
