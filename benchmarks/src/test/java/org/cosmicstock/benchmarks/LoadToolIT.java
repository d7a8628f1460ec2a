package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.cosmicstock.benchmarks.FakeAllocationResponder.Fault;
import org.cosmicstock.messaging.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool against a real broker and a fake allocation-service: the exactly-once check passes
 * when every Allocate gets one outcome, and names the order when one is lost or doubled.
 */
class LoadToolIT {

    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    private final String bootstrap = TestKafka.bootstrapServers();
    private final String commands = TestKafka.uniqueTopic("allocation.commands");
    private final String events = TestKafka.uniqueTopic("allocation.events");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeAllocationResponder responder;

    @BeforeEach
    void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(commands, PARTITIONS, (short) 1), new NewTopic(events, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        responder = new FakeAllocationResponder(bootstrap, commands, events, PARTITIONS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        responder.close();
    }

    @Test
    void passesWhenEveryAllocateGetsExactlyOneOutcome() throws IOException {
        int exit =
                run("--skus", "3", "--lines-per-sku", "2", "--warmup-seconds", "1", "--rate", "50", "--commands", "30");

        JsonNode report = report();
        assertThat(exit).as(output()).isEqualTo(LoadTool.OK);
        assertThat(report.at("/check/passed").asBoolean()).isTrue();
        assertThat(report.at("/check/missing").asInt()).isZero();
        assertThat(report.at("/check/doubled").asInt()).isZero();
        assertThat(report.at("/check/causationMismatches").asInt()).isZero();
        assertThat(report.at("/figures/measuredSent").asInt()).isEqualTo(30);
        assertThat(report.at("/figures/measuredOutcomes").asInt()).isEqualTo(30);
        assertThat(report.at("/figures/latencyMs/count").asInt()).isEqualTo(30);
        assertThat(report.at("/figures/latencyLegsMs/toOutbox/count").asInt()).isEqualTo(30);
        assertThat(output()).contains("Where the time went: to outbox p50");
        // preload (3 x 2) + warm-up at 50/s for a second + 30 measured, every one answered once
        assertThat(report.at("/check/lines").asInt()).isGreaterThan(36);
        assertThat(report.at("/check/exactlyOnce").asInt())
                .isEqualTo(report.at("/check/lines").asInt());
        assertThat(phaseNames(report)).containsSubsequence("preload", "preload-wait", "warmup", "measured", "drain");
        assertThat(report.at("/throughputPerSecond").size()).isPositive();
        assertThat(output()).contains("SUMMARY allocate").contains("OK: exactly once");
    }

    @Test
    void reportsAnOutcomeThatNeverCameAsMissing() throws IOException {
        responder.commit(Fault.DROP_OUTCOME, 10);

        assertTheCheckNamesTheFaultyOrderAs("missing", "doubled");
    }

    @Test
    void reportsASecondOutcomeForOneOrderAsDoubled() throws IOException {
        responder.commit(Fault.DOUBLE_OUTCOME, 10);

        assertTheCheckNamesTheFaultyOrderAs("doubled", "missing");
    }

    @Test
    void countsAnEventPublishedAgainWithItsCeIdOnceNotAsDoubled() throws IOException {
        responder.commit(Fault.REPUBLISH_OUTCOME, 10);

        int exit = runFortyAllocatesAtFullSpeed();

        JsonNode report = report();
        assertThat(exit).as(output()).isEqualTo(0);
        assertThat(report.at("/check/doubled").asInt()).isZero();
        assertThat(report.at("/check/missing").asInt()).isZero();
        assertThat(report.at("/counts/redeliveredEvents").asInt()).isEqualTo(1);
        assertThat(output()).contains("came again with a ce_id already read");
    }

    @Test
    void reallocationMovesEveryLineOnceAndCountsThem() throws IOException {
        int exit = run("--mode", "reallocate", "--skus", "2", "--lines-per-sku", "5", "--warmup-seconds", "1");

        JsonNode report = report();
        assertThat(exit).as(output()).isEqualTo(LoadTool.OK);
        assertThat(report.at("/figures/changeBatchQuantitySent").asInt()).isEqualTo(2);
        assertThat(report.at("/figures/linesToMove").asInt()).isEqualTo(10);
        assertThat(report.at("/figures/linesMoved").asInt()).isEqualTo(10);
        assertThat(report.at("/figures/changeToReallocatedMs/count").asInt()).isEqualTo(10);
        // the warm-up round on its own SKUs moved its 10 lines too, and was checked as well
        assertThat(report.at("/check/lines").asInt()).isEqualTo(20);
        assertThat(report.at("/check/exactlyOnce").asInt()).isEqualTo(20);
        assertThat(output()).contains("SUMMARY reallocate", "10 of 10 lines moved");
    }

    @Test
    void reportsAMovedLineThatWasNeverAllocatedAgain() throws IOException {
        responder.commit(Fault.DROP_REALLOCATION, 3);

        int exit = run("--mode", "reallocate", "--skus", "2", "--lines-per-sku", "5", "--warmup-seconds", "0");

        JsonNode report = report();
        assertThat(exit).as(output()).isEqualTo(LoadTool.NOT_EXACTLY_ONCE);
        assertThat(report.at("/check/missing").asInt()).isEqualTo(1);
        assertThat(report.at("/check/missingOrderIds/0").asText()).isEqualTo(responder.faultyOrderId());
        assertThat(report.at("/figures/linesMoved").asInt()).isEqualTo(9);
    }

    @Test
    void stopsAtItsTimeoutAndSaysSoWhenTheSuiteDoesNotAnswer() throws Exception {
        responder.close();
        responder = new FakeAllocationResponder(bootstrap, TestKafka.uniqueTopic("unused"), events, 1);

        int exit = run("--warmup-seconds", "0", "--commands", "5", "--settle-seconds", "5", "--timeout-seconds", "8");

        assertThat(exit).as(output()).isEqualTo(LoadTool.TIMED_OUT);
        assertThat(report().at("/check/missing").asInt()).isEqualTo(5);
        assertThat(output()).contains("TIMED OUT after 8 s", "5 outcomes still owed");
    }

    @Test
    void aMissingTopicIsAClearErrorNamingRunLocal() {
        int exit = LoadTool.execute(
                new String[] {"--bootstrap", bootstrap, "--events-topic", TestKafka.uniqueTopic("absent")},
                new PrintStream(out),
                new PrintStream(err));

        assertThat(exit).isEqualTo(LoadTool.SUITE_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no topic", "Is ./run-local running?");
    }

    @Test
    void anUnreachableBrokerIsAClearErrorWithinTheConnectTimeout() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int exit = LoadTool.execute(
                new String[] {"--bootstrap", "127.0.0.1:" + port, "--connect-timeout-seconds", "2"},
                new PrintStream(out),
                new PrintStream(err));

        assertThat(exit).isEqualTo(LoadTool.SUITE_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Cannot reach Kafka at 127.0.0.1:" + port, "./run-local");
    }

    /**
     * Runs 40 Allocates at full speed with the responder's fault in place: the check must fail, count
     * one order as {@code kind} ("missing" or "doubled") and none as {@code otherKind}, and name it.
     */
    private void assertTheCheckNamesTheFaultyOrderAs(String kind, String otherKind) throws IOException {
        int exit = runFortyAllocatesAtFullSpeed();

        JsonNode report = report();
        assertThat(exit).as(output()).isEqualTo(LoadTool.NOT_EXACTLY_ONCE);
        assertThat(report.at("/check/" + kind).asInt()).isEqualTo(1);
        assertThat(report.at("/check/" + otherKind).asInt()).isZero();
        assertThat(report.at("/check/" + kind + "OrderIds/0").asText()).isEqualTo(responder.faultyOrderId());
        assertThat(output())
                .contains(kind.toUpperCase(Locale.ROOT), responder.faultyOrderId(), "exactly-once violated");
    }

    private int runFortyAllocatesAtFullSpeed() {
        return run("--skus", "3", "--warmup-seconds", "0", "--rate", "max", "--commands", "40");
    }

    /** Runs the tool against this test's topics; {@code args} override the defaults here. */
    private int run(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--bootstrap", bootstrap);
        options.put("--commands-topic", commands);
        options.put("--events-topic", events);
        options.put("--settle-seconds", "1");
        options.put("--timeout-seconds", "60");
        options.put("--report", dir.resolve("report.json").toString());
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<String> line = new ArrayList<>();
        options.forEach((name, value) -> {
            line.add(name);
            line.add(value);
        });
        return LoadTool.execute(line.toArray(String[]::new), new PrintStream(out), new PrintStream(err));
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    private static List<String> phaseNames(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.at("/phases").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
