package org.cosmicstock.localstack.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.Test;

/**
 * A random sequence of commands through the real allocation-service; the read model must then agree
 * with the write model's truth (its PostgreSQL tables) for every SKU and batch.
 */
class StockViewConsistencyE2ETest extends OnTheRunningSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern BATCH =
            Pattern.compile("\\{\"batchRef\":\"([^\"]+)\",\"eta\":(null|\"[0-9-]+\"),\"available\":(-?\\d+)}");

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
                    .until(() -> suite.get(suite.stockView(1).port(), "/stock/" + sku)
                            .body()
                            .contains(sku + "-marker"));
        }
        // Both replicas share one view in Redis; each must answer what the write model holds.
        Consistency.assertViewsEqualWriteModel(suite, batches.keySet(), PATIENCE);
        System.out.println("StockViewConsistencyE2ETest seed " + seed);
    }
}
