package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A random sequence of commands through the real allocation-service; the read model must then agree
 * with the write model's truth (its PostgreSQL tables) for every SKU and batch.
 */
class StockViewConsistencyE2ETest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern BATCH =
            Pattern.compile("\\{\"batchRef\":\"([^\"]+)\",\"eta\":(null|\"[0-9-]+\"),\"available\":(-?\\d+)}");
    private static RunningSuite suite;
    private final MessageCodec codec = MessageCodec.create();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = RunningSuite.get();
    }

    @Test
    void theViewAgreesWithTheWriteModelAfterRandomCommands() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String run = SuiteE2ETest.sku("C");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            skus.add(run + "-" + i);
        }
        Map<String, List<String>> batches = new TreeMap<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 400; i++) {
            String sku = skus.get(random.nextInt(skus.size()));
            List<String> refs = batches.computeIfAbsent(sku, s -> new ArrayList<>());
            int roll = random.nextInt(10);
            if (refs.isEmpty() || roll < 2) {
                String ref = sku + "-b" + refs.size();
                LocalDate eta = random.nextBoolean() ? null : today.plusDays(random.nextInt(5) - 1);
                refs.add(ref);
                suite.send(sku, codec.encode(new CreateBatch(ref, sku, 5 + random.nextInt(40), eta)));
            } else if (roll < 9) {
                suite.send(sku, codec.encode(new Allocate("o" + random.nextInt(300), sku, 1 + random.nextInt(8))));
            } else {
                String ref = refs.get(random.nextInt(refs.size()));
                suite.send(
                        sku,
                        codec.encode(
                                new ChangeBatchQuantity(ref, random.nextInt(30), random.nextBoolean() ? sku : null)));
            }
        }
        // A last batch per SKU: once the view shows it, every earlier event of that SKU is applied.
        for (String sku : batches.keySet()) {
            suite.send(sku, codec.encode(new CreateBatch(sku + "-marker", sku, 1, today.plusYears(1))));
        }

        for (String sku : batches.keySet()) {
            await().atMost(PATIENCE)
                    .until(() -> suite.get(suite.config.stockViewPort(), "/stock/" + sku)
                            .body()
                            .contains(sku + "-marker"));
            assertThat(view(sku)).as("seed %d, sku %s", seed, sku).isEqualTo(truth(sku));
        }
    }

    /** batch ref → "eta available" as the read model answers. */
    private Map<String, String> view(String sku) throws Exception {
        Map<String, String> batches = new TreeMap<>();
        Matcher matcher = BATCH.matcher(
                suite.get(suite.config.stockViewPort(), "/stock/" + sku).body());
        while (matcher.find()) {
            batches.put(matcher.group(1), matcher.group(2).replace("\"", "") + " " + matcher.group(3));
        }
        return batches;
    }

    /** batch ref → "eta available" from the allocation service's own tables. */
    private Map<String, String> truth(String sku) throws Exception {
        Map<String, String> batches = new TreeMap<>();
        String query = """
                select b.reference, b.eta, b.purchased_quantity - coalesce(sum(a.qty), 0)
                  from batches b left join allocations a on a.batch_id = b.id
                 where b.sku = ? group by b.id
                """;
        try (var connection =
                        DriverManager.getConnection(suite.stack.postgres().jdbcUrl("allocation"), "postgres", "");
                var select = connection.prepareStatement(query)) {
            select.setString(1, sku);
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    String eta = result.getString(2);
                    batches.put(result.getString(1), (eta == null ? "null" : eta) + " " + result.getInt(3));
                }
            }
        }
        return batches;
    }
}
