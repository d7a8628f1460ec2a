package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches, on the running suite. One order, one trace: the traceparent a client sends with {@code POST /orders} is continued by
 * orders-service, carried by the Allocate its outbox writes, continued by allocation-service's
 * handling and the Allocated it publishes, and by orders-service and stock-view-service reading it;
 * every service exports its spans over OTLP, and they form one tree. And every consumer group's
 * lag per partition is on {@code /actuator/prometheus}.
 */
class TracingE2ETest extends OnTheRunningSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void anOrderPlacedWithATraceparentIsOneTraceAcrossTheThreeServices() throws Exception {
        String sku = SuiteE2ETest.sku("TRACED");
        suite.send(sku, codec.encode(new CreateBatch("batch-" + sku, sku, 10, null)));
        await().atMost(PATIENCE)
                .until(() ->
                        suite.get(suite.stockView(1).port(), "/stock/" + sku).statusCode() == 200);
        String traceId = randomHex(16);
        String clientSpan = randomHex(8);
        String orderId = "order-" + UUID.randomUUID();

        suite.placeOneLine(orderId, sku, 2, "traceparent", "00-" + traceId + "-" + clientSpan + "-01");
        suite.awaitOrder(orderId, PATIENCE, "\"status\":\"ALLOCATED\"");

        // The messages carry the trace in their traceparent header.
        ConsumerRecord<String, byte[]> allocate = Events.readToEnd(suite, RunningSuite.COMMANDS, sku).stream()
                .filter(r -> codec.decode(r.value()) instanceof Allocate a
                        && a.getOrderId().equals(orderId))
                .findFirst()
                .orElseThrow();
        ConsumerRecord<String, byte[]> allocated = Events.readToEnd(suite, RunningSuite.EVENTS, sku).stream()
                .filter(r -> codec.decode(r.value()) instanceof Allocated a
                        && a.getOrderId().equals(orderId))
                .findFirst()
                .orElseThrow();
        assertThat(traceIdOf(Events.header(allocate, "traceparent"))).isEqualTo(traceId);
        assertThat(traceIdOf(Events.header(allocated, "traceparent"))).isEqualTo(traceId);

        // Each service exported its part, and the parts make one tree under the client's span.
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<OtlpReceiver.ExportedSpan> trace = suite.spans.trace(traceId);
            assertThat(trace)
                    .extracting(OtlpReceiver.ExportedSpan::service)
                    .contains("orders-service", "allocation-service", "stock-view-service");
            assertThat(trace)
                    .extracting(s -> s.service() + " " + s.name())
                    .contains(
                            "orders-service handle PlaceOrder",
                            "orders-service publish allocation.commands",
                            "allocation-service handle Allocate",
                            "allocation-service publish allocation.events",
                            "orders-service handle Allocated",
                            "stock-view-service project Allocated");
            assertThat(trace).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("orders-service");
                assertThat(s.parentSpanId()).isEqualTo(clientSpan);
            });
            Set<String> ids =
                    trace.stream().map(OtlpReceiver.ExportedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace)
                    .as("every span's parent is the client's span or another span of the trace")
                    .allSatisfy(s -> assertThat(s.parentSpanId()).isIn(union(ids, clientSpan)));
        });
    }

    @Test
    void everyConsumerGroupShowsItsLagPerPartition() throws Exception {
        // Something on every partition's consumer, so that each has fetched.
        suite.send(
                SuiteE2ETest.sku("LAG"), codec.encode(new CreateBatch("batch-lag", SuiteE2ETest.sku("LAG"), 1, null)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(lagSeries(suite.allocation().prometheusUrl()))
                    .anySatisfy(line -> assertThat(line)
                            .contains("client_id=\"allocation-service-0\"")
                            .contains("topic=\"allocation.commands\"")
                            .contains("partition=\""))
                    .anySatisfy(line -> assertThat(line)
                            .contains("client_id=\"allocation-service-reallocation-0\"")
                            .contains("topic=\"allocation.events\""));
            assertThat(lagSeries(suite.orders().prometheusUrl()))
                    .anySatisfy(line -> assertThat(line)
                            .contains("client_id=\"orders-service-0\"")
                            .contains("topic=\"allocation.events\"")
                            .contains("partition=\""));
            assertThat(lagSeries(suite.stockView(1).prometheusUrl()))
                    .anySatisfy(line -> assertThat(line)
                            .contains("client_id=\"stock-view-reader\"")
                            .contains("partition=\""));
        });
    }

    private static List<String> lagSeries(String prometheusUrl) throws Exception {
        return suite.get(java.net.URI.create(prometheusUrl), false)
                .body()
                .lines()
                .filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{"))
                .toList();
    }

    private static Set<String> union(Set<String> ids, String clientSpan) {
        return java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(clientSpan))
                .collect(Collectors.toSet());
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
