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
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewLost;
import org.cosmicstock.stockview.domain.ViewReset;
import org.cosmicstock.stockview.domain.ViewUnavailable;
import org.cosmicstock.stockview.testing.Apply;
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
    void twoReplicasApplyingTheSameEventsInDifferentBatchesEndAsOneApplyingThemOnce() throws Exception {
        RandomAllocationHistory history = new RandomAllocationHistory(7, 4);
        List<PositionedEvent> stream = new ArrayList<>();
        long[] offsets = new long[3];
        for (int i = 0; i < 1_500; i++) {
            RandomAllocationHistory.Step event = history.next();
            int partition = Math.floorMod(event.sku().hashCode(), 3);
            long offset = offsets[partition]++;
            event.domain().ifPresent(e -> stream.add(new PositionedEvent(partition, offset, e, event.time())));
        }
        servedView();
        AtomicInteger applied = new AtomicInteger();
        try (RedisConnection first = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2));
                RedisConnection second = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2))) {
            var replicas = List.of(new RedisStockView(first, prefix), new RedisStockView(second, prefix));
            List<Integer> batchSizes = List.of(13, 50);
            CompletableFuture.allOf(List.of(0, 1).stream()
                            .map(i -> CompletableFuture.runAsync(() -> {
                                StockView replica = replicas.get(i);
                                replica.resume();
                                int size = batchSizes.get(i);
                                for (int from = 0; from < stream.size(); from += size) {
                                    List<PositionedEvent> batch =
                                            stream.subList(from, Math.min(stream.size(), from + size));
                                    applied.addAndGet(replica.apply(batch).size());
                                }
                            }))
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
    void aReplicaWhoseGenerationWasReplacedByAnotherIsToldToResume() {
        StockView one = servedView();
        StockView other = newView();
        Apply.one(one, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        other.rebuild();
        other.promote();

        assertThatThrownBy(() -> Apply.one(one, 0, 1, new Event.Allocated("order1", "RED-CHAIR", 4, "b1"), T0))
                .isInstanceOf(ViewReset.class);
        assertThat(one.find("RED-CHAIR")).isEmpty();
        assertThat(one.resume().positions()).isEmpty();
        assertThat(Apply.one(one, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isTrue();
    }

    @Test
    void aFlushedRedisIsALossNoticedBeforeAnythingMoreIsWritten() {
        StockView view = servedView();
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        deleteEveryKey();

        assertThatThrownBy(() -> Apply.one(view, 0, 1, new Event.Allocated("order1", "RED-CHAIR", 4, "b1"), T0))
                .isInstanceOf(ViewLost.class)
                .hasMessageContaining("lost the view");
        assertThatThrownBy(view::resume).isInstanceOf(ViewLost.class);
        assertThat(keys(prefix)).isEmpty();
    }

    @Test
    void positionsThatWentBackAreALossEvenWhenTheGenerationIsStillThere() {
        StockView view = servedView();
        Apply.one(view, 0, 5, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        String generation = view.resume().id();
        rawConnection.sync().hset(prefix + "g:" + generation + ":positions", "0", "2");

        assertThatThrownBy(() -> Apply.one(view, 0, 6, new Event.Allocated("order1", "RED-CHAIR", 4, "b1"), T0))
                .isInstanceOf(ViewLost.class)
                .hasMessageContaining("partition 0 up to offset 2")
                .hasMessageContaining("up to offset 5");
    }

    @Test
    void replicasThatLostTheViewTogetherRecoverIntoOneNewGeneration() {
        StockView one = servedView();
        StockView other = newView();
        other.resume();
        Apply.one(one, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        Apply.one(other, 1, 0, new Event.BatchCreated("b2", "BLUE-LAMP", 10, null), T0);
        String lost = one.resume().id();
        deleteEveryKey();
        assertThatThrownBy(() -> Apply.one(one, 0, 1, new Event.BatchCreated("b3", "RED-CHAIR", 1, null), T0))
                .isInstanceOf(ViewLost.class);
        assertThatThrownBy(() -> Apply.one(other, 1, 1, new Event.BatchCreated("b4", "BLUE-LAMP", 1, null), T0))
                .isInstanceOf(ViewLost.class);

        String first = one.recover().id();
        String second = other.recover().id();

        assertThat(first).isNotEqualTo(lost).isEqualTo(second);
        assertThat(Apply.one(one, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isTrue();
        assertThat(Apply.one(other, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0))
                .isFalse();
        assertThat(one.find("RED-CHAIR"))
                .as("nothing is served before the rebuilt view is promoted")
                .isEmpty();
        one.promote();
        other.promote();
        assertThat(other.find("RED-CHAIR")).isPresent();
    }

    @Test
    void recoveringStopsServingTheLostGeneration() {
        StockView view = servedView();
        Apply.one(view, 0, 3, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        String generation = view.resume().id();
        rawConnection.sync().hdel(prefix + "g:" + generation + ":positions", "0");
        assertThatThrownBy(() -> Apply.one(view, 0, 4, new Event.BatchCreated("b2", "RED-CHAIR", 1, null), T0))
                .isInstanceOf(ViewLost.class);

        view.recover();

        assertThat(view.find("RED-CHAIR")).isEmpty();
    }

    @Test
    void promotingDeletesEveryOlderGenerationAndNoOtherView() {
        StockView view = servedView();
        StockView neighbour = Apply.served(new RedisStockView(redis, prefix + "neighbour[*]:"));
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        Apply.one(view, 1, 0, new Event.BatchCreated("b2", "BLUE-LAMP", 10, null), T0);
        Apply.one(neighbour, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        String fresh = view.rebuild().id();
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);
        view.promote();

        assertThat(keys(prefix))
                .allMatch(key -> key.equals(prefix + "generation")
                        || key.startsWith(prefix + "g:" + fresh + ":")
                        || key.startsWith(prefix + "neighbour"));
        assertThat(keys(prefix)).contains(prefix + "g:" + fresh + ":sku:RED-CHAIR");
        assertThat(neighbour.find("RED-CHAIR")).isPresent();
        assertThat(neighbour.positions()).isEqualTo(Map.of(0, 0L));
    }

    @Test
    void theViewOutlivesTheProcessThatBuiltIt() {
        try (RedisConnection before = RedisConnection.to(TestRedis.url(), Duration.ofSeconds(2))) {
            Apply.one(
                    Apply.served(new RedisStockView(before, prefix)),
                    2,
                    41,
                    new Event.BatchCreated("b1", "RED-CHAIR", 10, null),
                    T0);
        }

        StockView afterRestart = newView();

        assertThat(afterRestart.positions()).isEqualTo(Map.of(2, 41L));
        assertThat(afterRestart.resume().positions()).isEqualTo(Map.of(2, 41L));
        assertThat(afterRestart.find("RED-CHAIR")).isPresent();
    }

    @Test
    void eachSkuIsStoredAsJsonUnderTheViewsPrefix() {
        StockView view = servedView();
        String generation = view.resume().id();
        Apply.one(view, 0, 0, new Event.BatchCreated("b1", "RED-CHAIR", 10, null), T0);

        String json = rawConnection.sync().get(prefix + "g:" + generation + ":sku:RED-CHAIR");

        assertThat(rawConnection.sync().get(prefix + "generation")).isEqualTo(generation);
        assertThat(json)
                .isEqualTo("{\"sku\":\"RED-CHAIR\",\"batches\":[{\"ref\":\"b1\",\"purchased\":10,\"allocated\":0,"
                        + "\"eta\":null}],\"lastChangedBatch\":null,\"lastEventTime\":\"2026-03-01T09:00:00Z\"}");
        assertThat(rawConnection.sync().hgetall(prefix + "g:" + generation + ":positions"))
                .isEqualTo(Map.of("0", "0"));
    }

    @Test
    void anUnreachableRedisMakesTheViewUnavailableNotBroken() {
        try (RedisConnection nowhere = RedisConnection.to("redis://127.0.0.1:1", Duration.ofMillis(500))) {
            StockView view = new RedisStockView(nowhere, prefix);

            assertThatThrownBy(() -> view.find("RED-CHAIR")).isInstanceOf(ViewUnavailable.class);
        }
    }

    /** What FLUSHALL does to this view, without touching the views of tests running beside this one. */
    private void deleteEveryKey() {
        keys(prefix).forEach(key -> rawConnection.sync().del(key));
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
}
