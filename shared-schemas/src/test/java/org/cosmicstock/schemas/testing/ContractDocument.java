package org.cosmicstock.schemas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * The payload table of docs/CONTRACT.md, read as the one declaration of who writes each message type and which
 * of the suite's services act on it: the contract tests of shared-schemas and of every service take it from
 * there, so a new type is declared in the document its readers read, and a service that maps a type it is not
 * listed for (or skips one it is) fails its build.
 */
public final class ContractDocument {

    /** From any module's directory, as the build runs tests. */
    public static final Path PATH = Path.of("..", "docs", "CONTRACT.md");

    private static final String SECTION = "## Payload";

    /**
     * One row of the table.
     *
     * @param type the type's simple name
     * @param writtenBy who writes it (service names, or words such as "any producer")
     * @param actedOnBy the services that do something with it; the others that read its topic skip it
     * @param fields the fields as the document states them
     */
    public record Row(String type, Set<String> writtenBy, Set<String> actedOnBy, String fields) {}

    private static final Map<String, Row> ROWS = read(PATH);

    private ContractDocument() {}

    /** The rows by type simple name, in the document's order. */
    public static Map<String, Row> rows() {
        return ROWS;
    }

    /** The row of a type; a type the document does not list fails, naming the document. */
    public static Row row(Class<? extends SpecificRecord> type) {
        Row row = ROWS.get(type.getSimpleName());
        if (row == null) {
            throw new AssertionError("No row for " + type.getSimpleName() + " in the payload table of " + PATH
                    + " (type | written by | acted on by | fields): every type of the contract has one");
        }
        return row;
    }

    public static boolean actsOn(String service, Class<? extends SpecificRecord> type) {
        return row(type).actedOnBy().contains(service);
    }

    public static boolean writes(String service, Class<? extends SpecificRecord> type) {
        return row(type).writtenBy().contains(service);
    }

    static Map<String, Row> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + path, e);
        }
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith(SECTION)) {
            start++;
        }
        if (start == lines.size()) {
            throw new IllegalStateException("No section '" + SECTION + "' in " + path);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                Row row = row(line, path);
                if (rows.put(row.type(), row) != null) {
                    throw new IllegalStateException("Two rows for " + row.type() + " in " + path);
                }
            }
        }
        return Map.copyOf(rows);
    }

    private static Row row(String line, Path path) {
        // Cells are split on the pipes that are not escaped (a field's union type is written "null \| date").
        String[] cells =
                line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("(?<!\\\\)\\|");
        if (cells.length != 4) {
            throw new IllegalStateException(
                    "Not a row of four cells (type | written by | acted on by | fields) in " + path + ": " + line);
        }
        return new Row(unquote(cells[0]), names(cells[1]), names(cells[2]), cells[3].strip());
    }

    /** "orders-service (outbox), any producer" names orders-service and "any". */
    private static Set<String> names(String cell) {
        return Arrays.stream(cell.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty() && !name.equals("—"))
                .map(name -> unquote(name.split("[\\s(]", 2)[0]))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }
}
