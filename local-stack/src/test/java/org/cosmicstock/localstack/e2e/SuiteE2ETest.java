package org.cosmicstock.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.junit.jupiter.api.Test;

/** The suite as a user runs it: real service jars, a real broker, a real PostgreSQL. */
class SuiteE2ETest extends OnTheRunningSuite {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The README's first command: single-object bytes, as kcat sends them without a registry. */
    @Test
    void aCreateBatchCommandIsStoredPublishedAndProjected() throws Exception {
        String sku = sku("SMALL-TABLE");
        String commandId = suite.send(sku, suite.singleObject.encode(new CreateBatch("batch-" + sku, sku, 20, null)));

        for (int replica = 1; replica <= 2; replica++) {
            int port = suite.stockView(replica).port();
            await().atMost(PATIENCE)
                    .untilAsserted(
                            () -> assertThat(suite.get(port, "/stock/" + sku).body())
                                    .contains("\"sku\":\"" + sku + "\"")
                                    .contains("\"availableNow\":20")
                                    .contains("{\"batchRef\":\"batch-" + sku + "\",\"eta\":null,\"available\":20}"));
        }

        ConsumerRecord<String, byte[]> event =
                Events.of(suite, sku, 1, PATIENCE).get(0);
        assertThat(codec.decode(event.value())).isEqualTo(new BatchCreated("batch-" + sku, sku, 20, null));
        assertThat(Events.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(Events.header(event, "ce_id")).isNotBlank();
        assertThat(Events.header(event, "ce_type")).isEqualTo("org.cosmicstock.schemas.events.BatchCreated");
        assertThat(Events.header(event, "ce_source")).isEqualTo("/allocation-service");
        assertThat(Events.header(event, "ce_time")).isNotBlank();
        assertThat(Events.header(event, "ce_correlationid")).isEqualTo(commandId);
        assertThat(Events.header(event, "ce_causationid")).isEqualTo(commandId);
        assertThat(Events.header(event, "content-type"))
                .as("the suite writes the registry format when a registry is configured")
                .isEqualTo("application/avro; format=schema-registry");
        assertThat(event.value()[0]).as("magic byte of the registry format").isZero();
        assertThat(Events.header(event, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void allocatesToTheEarliestBatchAndShowsItInTheAllocationsView() throws Exception {
        String sku = sku("RETRO-CLOCK");
        LocalDate today = LocalDate.now();
        suite.send(sku, codec.encode(new CreateBatch("later-" + sku, sku, 100, today.plusDays(2))));
        suite.send(sku, codec.encode(new CreateBatch("early-" + sku, sku, 100, today.plusDays(1))));
        suite.send(sku, codec.encode(new CreateBatch("other-" + sku, "OTHER-" + sku, 100, null)));
        String orderId = "order-" + UUID.randomUUID();
        suite.send(sku, codec.encode(new Allocate(orderId, sku, 3)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            var response = suite.get(suite.allocation().port(), "/allocations/" + orderId);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[{\"sku\":\"" + sku + "\",\"batchRef\":\"early-" + sku + "\"}]");
        });
        var unknown = suite.get(suite.allocation().port(), "/allocations/no-such-order");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).contains("application/problem+json");
    }

    @Test
    void changeBatchQuantityLeadingToReallocation() throws Exception {
        String sku = sku("INDIFFERENT-TABLE");
        LocalDate today = LocalDate.now();
        String orderId = "order-" + UUID.randomUUID();
        suite.send(sku, codec.encode(new CreateBatch("batch1-" + sku, sku, 10, today)));
        suite.send(sku, codec.encode(new CreateBatch("batch2-" + sku, sku, 10, today.plusDays(1))));
        suite.send(sku, codec.encode(new Allocate(orderId, sku, 10)));
        suite.send(sku, codec.encode(new ChangeBatchQuantity("batch1-" + sku, 5, sku)));

        List<SpecificRecord> events = Events.of(suite, sku, 6, PATIENCE).stream()
                .map(r -> codec.decode(r.value()))
                .toList();
        assertThat(events.subList(2, 6))
                .containsExactly(
                        new Allocated(orderId, sku, 10, "batch1-" + sku, 10),
                        new BatchQuantityChanged("batch1-" + sku, sku, 5),
                        new Deallocated(orderId, sku, 10, "batch1-" + sku, 0),
                        new Allocated(orderId, sku, 10, "batch2-" + sku, 10));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                suite.get(suite.stockView(1).port(), "/stock/" + sku + "/availability?qty=5")
                                        .body())
                        .contains("\"canAllocate\":true")
                        .contains("\"batchRef\":\"batch1-" + sku + "\""));
    }

    @Test
    void theSameCommandDeliveredThreeTimesAllocatesOnce() throws Exception {
        String sku = sku("TRIPLE-LAMP");
        suite.send(sku, codec.encode(new CreateBatch("batch-" + sku, sku, 10, null)));
        String orderId = "order-" + UUID.randomUUID();
        byte[] allocate = codec.encode(new Allocate(orderId, sku, 2));
        var record = new org.apache.kafka.clients.producer.ProducerRecord<>(RunningSuite.COMMANDS, sku, allocate);
        record.headers().add("ce_id", ("allocate-" + orderId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            suite.producer.send(record).get();
        }
        suite.send(sku, codec.encode(new CreateBatch("marker-" + sku, sku, 1, null)));

        // The marker comes after the three deliveries on the same partition: once it is out, so is
        // everything before it, and Events reads to the topic's end, so a second Allocated would show.
        List<SpecificRecord> events = Events.of(suite, sku, 3, PATIENCE).stream()
                .map(r -> codec.decode(r.value()))
                .toList();
        assertThat(events)
                .containsExactly(
                        new BatchCreated("batch-" + sku, sku, 10, null),
                        new Allocated(orderId, sku, 2, "batch-" + sku, 2),
                        new BatchCreated("marker-" + sku, sku, 1, null));
    }

    static String sku(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
