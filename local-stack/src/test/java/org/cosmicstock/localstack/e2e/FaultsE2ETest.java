package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cosmicstock.localstack.LocalStack;
import org.cosmicstock.localstack.ServiceProcess;
import org.cosmicstock.localstack.ServiceSpec;
import org.junit.jupiter.api.Test;

/**
 * Faults are normal: each test breaks one part of the real suite in the middle of a load of Allocate
 * commands, lets it come back, and checks that nothing was lost, doubled, dead-lettered or
 * reordered, and that every stock-view replica answers what the write model holds.
 */
class FaultsE2ETest extends OnTheRunningSuite {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration FREEZE = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int COMMANDS = 1_000;
    private static final int PER_SECOND = 100;

    @Test
    void killNineOfAllocationServiceMidLoad() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "KILL", 20).start(COMMANDS, PER_SECOND)) {
            load.awaitSent(COMMANDS / 3, PATIENCE);
            ServiceProcess allocation = suite.allocation();
            allocation.kill();
            allocation.start();
            allocation.awaitReady(LocalStack.READY_TIMEOUT);

            assertNothingLostDoubledDeadLetteredOrReordered(load);
        }
    }

    @Test
    void theBrokerStoppedForThirtySecondsMidLoad() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "BROKER", 20).start(COMMANDS, PER_SECOND)) {
            load.awaitSent(COMMANDS / 3, PATIENCE);
            String orderId = "order-" + UUID.randomUUID();
            suite.stack.kafka().stop();
            try {
                // orders-service keeps taking orders while the broker is away: the outbox holds them.
                suite.placeOneLine(orderId, load.skus().get(0), 1);
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                suite.stack.kafka().start();
            }

            assertNothingLostDoubledDeadLetteredOrReordered(load);
            suite.awaitOrder(orderId, PATIENCE, "\"status\":\"ALLOCATED\"");
        }
    }

    /**
     * A broker that stops answering without closing a connection (a long GC pause, a frozen VM, a
     * network partition) for longer than every producer timeout: sends time out, metadata cannot be
     * fetched, batches expire. None of it is a row's own fault, so the relays retry and park nothing.
     */
    @Test
    void theBrokerFrozenForThreeMinutesMidLoad() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "FROZEN", 20).start(COMMANDS, PER_SECOND)) {
            load.awaitSent(COMMANDS / 3, PATIENCE);
            String orderId = "order-" + UUID.randomUUID();
            long broker = suite.stack.kafka().pid();
            signal("STOP", broker);
            try {
                suite.placeOneLine(orderId, load.skus().get(0), 1);
                Thread.sleep(FREEZE.toMillis());
            } finally {
                signal("CONT", broker);
            }

            assertNothingLostDoubledDeadLetteredOrReordered(load);
            suite.awaitOrder(orderId, PATIENCE, "\"status\":\"ALLOCATED\"");
            assertNoAttemptCountedAgainstAnOutboxRow("allocation", load.skus());
            assertNoAttemptCountedAgainstAnOutboxRow("orders", load.skus());
        }
    }

    @Test
    void postgresqlStoppedForThirtySecondsMidLoad() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "DATABASE", 20).start(COMMANDS, PER_SECOND)) {
            load.awaitSent(COMMANDS / 3, PATIENCE);
            suite.stack.postgres().stop();
            try {
                long asked = System.nanoTime();
                HttpResponse<String> query = suite.get(suite.allocation().port(), "/allocations/any-order");
                Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
                assertThat(query.statusCode()).as(query.body()).isEqualTo(503);
                assertThat(query.headers().firstValue("retry-after")).isPresent();
                assertThat(query.headers().firstValue("content-type")).contains("application/problem+json");
                assertThat(answeredIn)
                        .as("a query answers at once, not after a timeout")
                        .isLessThan(OUTAGE);
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                suite.stack.postgres().start();
            }

            assertNothingLostDoubledDeadLetteredOrReordered(load);
        }
    }

    @Test
    void aSecondAllocationInstanceJoinsMidLoadAndTheFirstLeaves() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "REBALANCE", 20).start(COMMANDS, PER_SECOND)) {
            load.awaitSent(COMMANDS / 4, PATIENCE);
            ServiceProcess second = suite.stack.addInstance(ServiceSpec.ALLOCATION);
            load.awaitSent(COMMANDS / 2, PATIENCE);
            ServiceProcess first = suite.allocation();
            first.stop();
            try {
                assertNothingLostDoubledDeadLetteredOrReordered(load);
            } finally {
                // Leave the suite as the other tests expect it: the first instance serving.
                first.start();
                first.awaitReady(LocalStack.READY_TIMEOUT);
                second.stop();
            }
        }
    }

    @Test
    void redisRestartedEmptyUnderTwoStockViewReplicasMidLoad() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "REDIS", 20).start(COMMANDS, PER_SECOND)) {
            double lossesBefore = losses();
            load.awaitSent(COMMANDS / 3, PATIENCE);
            suite.stack.redis().stop();
            suite.stack.redis().start();

            assertNothingLostDoubledDeadLetteredOrReordered(load);
            // One replica notices the loss and starts the rebuild; the other may find it already going.
            assertThat(losses()).as("view losses noticed by the replicas").isGreaterThan(lossesBefore);
        }
    }

    @Test
    void anOrderOfTwentyLinesOverTwentyBusySkusIsAllocatedLineByLine() throws Exception {
        try (AllocateLoad load = new AllocateLoad(suite, "BUSY", 20).start(COMMANDS, PER_SECOND)) {
            load.awaitSent(COMMANDS / 5, PATIENCE);
            String orderId = "order-" + UUID.randomUUID();
            List<String> lines = new ArrayList<>();
            for (String sku : load.skus()) {
                lines.add("{\"sku\":\"" + sku + "\",\"qty\":2}");
            }
            HttpResponse<String> placed = suite.post(
                    suite.orders().port(),
                    "/orders",
                    "{\"orderId\":\"" + orderId + "\",\"lines\":[" + String.join(",", lines) + "]}");
            assertThat(placed.statusCode()).isEqualTo(202);

            await("all 20 lines allocated").atMost(PATIENCE).untilAsserted(() -> {
                String order =
                        suite.get(suite.orders().port(), "/orders/" + orderId).body();
                assertThat(order).contains("\"orderId\":\"" + orderId + "\",\"status\":\"ALLOCATED\"");
                assertThat(order.split("\"status\":\"ALLOCATED\"", -1)).hasSize(21 + 1);
            });
            assertNothingLostDoubledDeadLetteredOrReordered(load);
        }
    }

    /** Sends {@code signal} to a process of the suite, as {@code kill -signal pid} would. */
    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    /** No outbox row of these SKUs in {@code database} was parked, or had a failed attempt counted. */
    private static void assertNoAttemptCountedAgainstAnOutboxRow(String database, List<String> skus) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(suite.stack.postgres().jdbcUrl(database), "postgres", "");
                var select = connection.prepareStatement(
                        "select count(*), count(*) filter (where attempts > 0 or parked_at is not null)"
                                + " from messaging.outbox where message_key = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", skus.toArray()));
            try (var result = select.executeQuery()) {
                result.next();
                assertThat(result.getLong(1))
                        .as("outbox rows of the load in %s", database)
                        .isPositive();
                assertThat(result.getLong(2))
                        .as("outbox rows of the load in %s parked or counted as failed", database)
                        .isZero();
            }
        }
    }

    private static double losses() throws Exception {
        return suite.metric(suite.stockView(1), "projection_view_losses_total")
                + suite.metric(suite.stockView(2), "projection_view_losses_total");
    }

    private static void assertNothingLostDoubledDeadLetteredOrReordered(AllocateLoad load) throws Exception {
        load.awaitAllSent(PATIENCE);
        load.assertEveryCommandHasExactlyOneOutcome(PATIENCE);
        load.assertNothingDeadLettered();
        load.assertEventsOfEachSkuInCommitOrder();
        Consistency.assertViewsEqualWriteModel(suite, load.skus(), PATIENCE);
    }
}
