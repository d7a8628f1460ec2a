package org.cosmicstock.schemas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of {@code allocation-order.csv}: the allocation-order rule, tested by one table against
 * both of its implementations (allocation-service's {@code Product}, stock-view-service's {@code
 * SkuStock}).
 *
 * @param batches in the order they were created
 * @param expected the batch the line goes to; empty if none can take it
 */
public record AllocationOrderCase(String name, List<CaseBatch> batches, int qty, Optional<String> expected) {

    static final String TABLE = "/org/cosmicstock/schemas/allocation-order.csv";

    /** Every case of the table, in its order. */
    public static List<AllocationOrderCase> all() {
        try (InputStream in = AllocationOrderCase.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is not on the classpath");
            }
            List<AllocationOrderCase> cases = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    cases.add(parse(line, i + 1));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static AllocationOrderCase parse(String line, int number) {
        String[] columns = line.split(";", -1);
        if (columns.length != 4) {
            throw new IllegalArgumentException(TABLE + " line " + number + ": 4 columns separated by ';' expected");
        }
        List<CaseBatch> batches = new ArrayList<>();
        for (String batch : columns[1].split(",")) {
            if (!batch.isBlank()) {
                batches.add(batch(batch.strip().split("\\s+"), number));
            }
        }
        String expected = columns[3].strip();
        return new AllocationOrderCase(
                columns[0].strip(),
                List.copyOf(batches),
                Integer.parseInt(columns[2].strip()),
                expected.equals("none") ? Optional.empty() : Optional.of(expected));
    }

    private static CaseBatch batch(String[] fields, int number) {
        if (fields.length != 4) {
            throw new IllegalArgumentException(
                    TABLE + " line " + number + ": a batch is 'ref eta purchased allocated', got " + List.of(fields));
        }
        LocalDate eta = fields[1].equals("warehouse") ? null : LocalDate.parse(fields[1]);
        return new CaseBatch(fields[0], eta, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
    }
}
