package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.OutOfStock;

/**
 * A stream of Allocate commands over SKUs of its own, sent from a thread of its own while a test
 * breaks something, and the checks that must hold afterwards: every command one outcome and none
 * doubled, nothing valid dead-lettered, each SKU's events on the topic in the order they were
 * committed. Orders ask for one unit each, from batches big enough for all of them.
 */
final class AllocateLoad implements AutoCloseable {

    private final RunningSuite suite;
    private final List<String> skus = new ArrayList<>();
    private final Map<String, String> skuOfOrder = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final String run;
    private Thread thread;
    private volatile Throwable failure;

    AllocateLoad(RunningSuite suite, String name, int skuCount) throws Exception {
        this.suite = suite;
        this.run = SuiteE2ETest.sku(name);
        for (int i = 0; i < skuCount; i++) {
            String sku = run + "-" + i;
            skus.add(sku);
            suite.send(sku, new CreateBatch("batch-" + sku, sku, 1_000_000, null));
        }
    }

    List<String> skus() {
        return skus;
    }

    /** Starts sending {@code commands} Allocates at {@code perSecond}, round-robin over the SKUs. */
    AllocateLoad start(int commands, int perSecond) {
        thread = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        for (int n = 0; n < commands; n++) {
                            long due = start + n * 1_000_000_000L / perSecond;
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            String sku = skus.get(n % skus.size());
                            String orderId = run + "-o" + n;
                            skuOfOrder.put(orderId, sku);
                            var record = new ProducerRecord<>(
                                    RunningSuite.COMMANDS,
                                    sku,
                                    suite.codec.encode(RunningSuite.COMMANDS, new Allocate(orderId, sku, 1)));
                            record.headers().add("ce_id", ("allocate-" + orderId).getBytes(StandardCharsets.UTF_8));
                            record.headers().add("ce_source", "/fault-test".getBytes(StandardCharsets.UTF_8));
                            // Asynchronous: while a test has the broker stopped, the producer holds them.
                            suite.producer.send(record, (metadata, e) -> {
                                if (e != null) {
                                    failure = e;
                                }
                            });
                            sent.incrementAndGet();
                        }
                        suite.producer.flush();
                    } catch (Throwable e) {
                        failure = e;
                    }
                },
                "allocate-load-" + run);
        thread.start();
        return this;
    }

    void awaitSent(int count, Duration patience) {
        await("%d Allocates sent".formatted(count)).atMost(patience).until(() -> sent.get() >= count);
        assertThat(failure).as("sending the load").isNull();
    }

    void awaitAllSent(Duration patience) throws InterruptedException {
        thread.join(patience.toMillis());
        assertThat(thread.isAlive()).as("the load finished sending").isFalse();
        assertThat(failure).as("sending the load").isNull();
    }

    /**
     * Waits until every order has an outcome, then reads the events topic to its end and checks
     * that each has exactly one (Allocated, OutOfStock or AllocationRejected, told apart by ce_id:
     * a redelivered copy of the same event is at-least-once delivery, a second outcome is a bug).
     */
    void assertEveryCommandHasExactlyOneOutcome(Duration patience) {
        Map<String, Set<String>> outcomes = await("an outcome for each of " + skuOfOrder.size() + " orders")
                .atMost(patience)
                .pollInterval(Duration.ofSeconds(2))
                .until(this::outcomesByOrder, found -> found.keySet().containsAll(skuOfOrder.keySet()));
        Map<String, Set<String>> doubled = new LinkedHashMap<>();
        outcomes.forEach((order, ids) -> {
            if (ids.size() > 1) {
                doubled.put(order, ids);
            }
        });
        assertThat(doubled).as("orders with more than one outcome").isEmpty();
        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(skuOfOrder.keySet());
    }

    /** Nothing of these SKUs went to the dead-letter topic: every command was valid. */
    void assertNothingDeadLettered() {
        assertThat(Events.readToEnd(suite, RunningSuite.COMMANDS + ".DLT", skus))
                .as("valid commands dead-lettered")
                .isEmpty();
    }

    /**
     * For every SKU, the events on the topic (each counted at its first copy) come in the order the
     * allocation service committed them: the order of its outbox rows.
     */
    void assertEventsOfEachSkuInCommitOrder() throws Exception {
        Map<String, List<String>> committed = new HashMap<>();
        try (Connection connection =
                        DriverManager.getConnection(suite.stack.postgres().jdbcUrl("allocation"), "postgres", "");
                var select = connection.prepareStatement(
                        "select message_key, message_id::text, published_at is not null from messaging.outbox"
                                + " where message_key = any(?) order by id")) {
            select.setArray(1, connection.createArrayOf("text", skus.toArray()));
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    assertThat(result.getBoolean(3))
                            .as("outbox row %s published", result.getString(2))
                            .isTrue();
                    committed
                            .computeIfAbsent(result.getString(1), k -> new ArrayList<>())
                            .add(result.getString(2));
                }
            }
        }
        Map<String, Set<String>> onTopic = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : Events.readToEnd(suite, RunningSuite.EVENTS, skus)) {
            onTopic.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(Events.header(record, "ce_id"));
        }
        for (String sku : skus) {
            assertThat(new ArrayList<>(onTopic.getOrDefault(sku, Set.of())))
                    .as("events of %s on the topic, against the commit order", sku)
                    .containsExactlyElementsOf(committed.getOrDefault(sku, List.of()));
        }
    }

    private Map<String, Set<String>> outcomesByOrder() {
        Map<String, Set<String>> outcomes = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : Events.readToEnd(suite, RunningSuite.EVENTS, skus)) {
            String order = orderOf(suite.codec.decode(record.value()));
            if (order != null && skuOfOrder.containsKey(order)) {
                outcomes.computeIfAbsent(order, o -> new LinkedHashSet<>()).add(Events.header(record, "ce_id"));
            }
        }
        return outcomes;
    }

    private static String orderOf(SpecificRecord event) {
        if (event instanceof Allocated e) {
            return e.getOrderId();
        }
        if (event instanceof OutOfStock e) {
            return e.getOrderId();
        }
        if (event instanceof AllocationRejected e) {
            return e.getOrderId();
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
