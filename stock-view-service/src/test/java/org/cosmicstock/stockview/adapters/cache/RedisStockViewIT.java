package org.cosmicstock.stockview.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.cosmicstock.stockview.domain.StockEvent.Allocated;
import org.cosmicstock.stockview.domain.StockEvent.BatchCreated;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewReset;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.SkuSnapshot;
import org.cosmicstock.stockview.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis adapter against a real redis-server: the port's contract, and what sharing one view adds. */
class RedisStockViewIT extends StockViewContract {

    private static RedisConnection redis;
    private static RedisClient raw;
    private static StatefulRedisConnection<String, String> rawConnection;
    private final String prefix = "test:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void connect() {
        redis = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2));
        raw = RedisClient.create(TestRedis.url());
        rawConnection = raw.connect();
    }

    @AfterAll
    static void disconnect() {
        rawConnection.close();
        raw.shutdown();
        redis.close();
    }

    @Override
    StockView newView() {
        return new RedisStockView(redis, prefix);
    }

    @Test
    void twoReplicasApplyingTheSameEventsAtOnceEndAsOneApplyingThemOnce() throws Exception {
        RandomAllocationHistory history = new RandomAllocationHistory(7, 4);
        List<Record> stream = new ArrayList<>();
        long[] offsets = new long[3];
        for (int i = 0; i < 1_500; i++) {
            RandomAllocationHistory.Event event = history.next();
            int partition = Math.floorMod(event.sku().hashCode(), 3);
            long offset = offsets[partition]++;
            event.domain().ifPresent(e -> stream.add(new Record(partition, offset, e, event)));
        }
        AtomicInteger applied = new AtomicInteger();
        try (RedisConnection first = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2));
                RedisConnection second = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2))) {
            var replicas = List.of(new RedisStockView(first, prefix), new RedisStockView(second, prefix));
            CompletableFuture.allOf(replicas.stream()
                            .map(replica -> CompletableFuture.runAsync(() -> stream.forEach(r -> {
                                if (replica.apply(
                                        r.partition(),
                                        r.offset(),
                                        r.event(),
                                        r.source().time())) {
                                    applied.incrementAndGet();
                                }
                            })))
                            .toArray(CompletableFuture[]::new))
                    .get();
        }

        assertThat(applied).hasValue(stream.size());
        StockView view = newView();
        history.expected()
                .forEach((sku, stock) ->
                        assertThat(view.find(sku).map(SkuSnapshot::of)).contains(SkuSnapshot.of(stock)));
    }

    @Test
    void aReplicaWhoseViewWasDroppedByAnotherIsToldToResume() {
        StockView one = newView();
        StockView other = newView();
        one.positions();
        one.apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        other.clear();

        assertThatThrownBy(() -> one.apply(0, 1, new Allocated("order1", "RED-CHAIR", 4, "b1"), T0))
                .isInstanceOf(ViewReset.class);
        assertThat(one.find("RED-CHAIR")).isEmpty();
        assertThat(one.positions()).isEmpty();
        assertThat(one.apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isTrue();
    }

    @Test
    void clearingDeletesEveryKeyOfThisViewAndNoOtherView() {
        StockView view = newView();
        StockView neighbour = new RedisStockView(redis, prefix + "neighbour[*]:");
        view.apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        view.apply(1, 0, new BatchCreated("b2", "BLUE-LAMP", 10, null), T0);
        neighbour.apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        view.clear();

        assertThat(keys(prefix))
                .allMatch(key -> key.equals(prefix + "generation") || key.startsWith(prefix + "neighbour"));
        assertThat(neighbour.find("RED-CHAIR")).isPresent();
        assertThat(neighbour.positions()).isEqualTo(Map.of(0, 0L));

        neighbour.clear();

        assertThat(keys(prefix)).containsExactlyInAnyOrder(prefix + "generation", prefix + "neighbour[*]:generation");
    }

    @Test
    void theViewOutlivesTheProcessThatBuiltIt() {
        try (RedisConnection before = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2))) {
            new RedisStockView(before, prefix).apply(2, 41, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        }

        StockView afterRestart = newView();

        assertThat(afterRestart.positions()).isEqualTo(Map.of(2, 41L));
        assertThat(afterRestart.find("RED-CHAIR")).isPresent();
    }

    @Test
    void eachSkuIsStoredAsJsonUnderTheViewsPrefix() {
        newView().apply(0, 0, new BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        String json = rawConnection.sync().get(prefix + "g:0:sku:RED-CHAIR");

        assertThat(json)
                .isEqualTo("{\"sku\":\"RED-CHAIR\",\"batches\":[{\"ref\":\"b1\",\"purchased\":10,\"allocated\":0,"
                        + "\"eta\":null}],\"lines\":{},\"lastEventTime\":\"2026-03-01T09:00:00Z\"}");
        assertThat(rawConnection.sync().hgetall(prefix + "g:0:positions")).isEqualTo(Map.of("0", "0"));
    }

    @Test
    void anUnreachableRedisMakesTheViewUnavailableNotBroken() {
        try (RedisConnection nowhere = RedisConnection.to("redis://127.0.0.1:1", Duration.ofMillis(500))) {
            StockView view = new RedisStockView(nowhere, prefix);

            assertThatThrownBy(() -> view.find("RED-CHAIR")).isInstanceOf(ViewUnavailable.class);
        }
    }

    private static List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(
                        rawConnection.sync(), ScanArgs.Builder.matches("test:*").limit(500))
                .forEachRemaining(key -> {
                    if (key.startsWith(prefix)) {
                        keys.add(key);
                    }
                });
        return keys;
    }

    private record Record(
            int partition,
            long offset,
            org.cosmicstock.stockview.domain.StockEvent event,
            RandomAllocationHistory.Event source) {}
}
