package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read model against the write model: what each stock-view replica answers, what allocation's tables hold. */
final class Consistency {

    private static final Pattern BATCH =
            Pattern.compile("\\{\"batchRef\":\"([^\"]+)\",\"eta\":(null|\"[0-9-]+\"),\"available\":(-?\\d+)}");

    private Consistency() {}

    /** Waits until every stock-view replica answers, for every SKU, what the allocation service's tables hold. */
    static void assertViewsEqualWriteModel(RunningSuite suite, Collection<String> skus, Duration patience) {
        for (String sku : skus) {
            for (int replica = 1;
                    replica <= suite.stack.instances("stock-view-service").size();
                    replica++) {
                int r = replica;
                await("replica " + r + " agrees with the write model on " + sku)
                        .atMost(patience)
                        .untilAsserted(() -> assertThat(view(suite, r, sku)).isEqualTo(truth(suite, sku)));
            }
        }
    }

    /** batch ref → "eta available" as a stock-view replica answers. */
    static Map<String, String> view(RunningSuite suite, int replica, String sku) throws Exception {
        Map<String, String> batches = new TreeMap<>();
        Matcher matcher = BATCH.matcher(
                suite.get(suite.stockView(replica).port(), "/stock/" + sku).body());
        while (matcher.find()) {
            batches.put(matcher.group(1), matcher.group(2).replace("\"", "") + " " + matcher.group(3));
        }
        return batches;
    }

    /**
     * batch ref → "eta available" from the allocation service's own tables; also checks that each
     * batch's stored allocated quantity is the sum of its stored lines (no line lost or counted twice).
     */
    static Map<String, String> truth(RunningSuite suite, String sku) throws Exception {
        Map<String, String> batches = new TreeMap<>();
        String query = """
                select b.reference, b.eta, b.purchased_quantity - coalesce(sum(a.qty), 0),
                       b.allocated_quantity, coalesce(sum(a.qty), 0)
                  from batches b left join allocations a on a.batch_id = b.id
                 where b.sku = ? group by b.id
                """;
        try (var connection =
                        DriverManager.getConnection(suite.stack.postgres().jdbcUrl("allocation"), "postgres", "");
                var select = connection.prepareStatement(query)) {
            select.setString(1, sku);
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    assertThat(result.getInt(4))
                            .as("allocated quantity of batch %s against its lines", result.getString(1))
                            .isEqualTo(result.getInt(5));
                    String eta = result.getString(2);
                    batches.put(result.getString(1), (eta == null ? "null" : eta) + " " + result.getInt(3));
                }
            }
        }
        return batches;
    }
}
