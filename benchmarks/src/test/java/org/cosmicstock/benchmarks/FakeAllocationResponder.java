package org.cosmicstock.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/**
 * A small allocation-service in memory: reads commands, keeps batches and their lines by the book's
 * rules (warehouse stock first, then the earliest batch; a shrunk batch gives lines up, which are
 * allocated again), and writes the outcome events with {@code ce_causationid}. It can be told to
 * lose or to double one outcome, which the load tool's exactly-once check must then report.
 */
final class FakeAllocationResponder implements AutoCloseable {

    private final String eventsTopic;
    private final MessageCodec codec = MessageCodec.create();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, List<Batch>> products = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Fault fault;
    private volatile int faultAt = -1;
    private volatile String faultyOrderId;
    private int allocates;
    private String lastEventId;
    private int reallocations;

    FakeAllocationResponder(String bootstrap, String commandsTopic, String eventsTopic, int partitions) {
        this.eventsTopic = eventsTopic;
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            assigned.add(new TopicPartition(commandsTopic, p));
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        thread = new Thread(this::run, "fake-allocation-responder");
        thread.start();
    }

    /** What the responder can be told to get wrong, once, at the n-th Allocate or moved line (1-based). */
    enum Fault {
        /** Answers the n-th Allocate it reads with nothing at all. */
        DROP_OUTCOME,
        /** Answers the n-th Allocate it reads twice. */
        DOUBLE_OUTCOME,
        /** Publishes the outcome of the n-th Allocate twice with one ce_id, as a relay after a crash does. */
        REPUBLISH_OUTCOME,
        /** Deallocates the n-th moved line but never allocates it again. */
        DROP_REALLOCATION
    }

    /** Commits {@code fault} at the {@code nth} Allocate (or moved line, for a reallocation fault), 1-based. */
    void commit(Fault fault, int nth) {
        this.faultAt = nth;
        this.fault = fault;
    }

    private boolean faultDue(Fault kind, int count) {
        return fault == kind && faultAt == count;
    }

    /** The order whose outcome was dropped or doubled, once that has happened. */
    String faultyOrderId() {
        return faultyOrderId;
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                handle(codec.decode(record.value()), header(record, "ce_id"));
            }
            producer.flush();
        }
    }

    private void handle(SpecificRecord command, String commandId) {
        if (command instanceof CreateBatch c) {
            List<Batch> batches = products.computeIfAbsent(c.getSku(), sku -> new ArrayList<>());
            if (batches.stream().noneMatch(b -> b.ref.equals(c.getRef()))) {
                batches.add(new Batch(c.getRef(), c.getQty(), c.getEta()));
                emit(c.getSku(), new BatchCreated(c.getRef(), c.getSku(), c.getQty(), c.getEta()), commandId);
            }
        } else if (command instanceof Allocate a) {
            allocates++;
            List<SpecificRecord> outcome = allocate(a.getOrderId(), a.getSku(), a.getQty());
            if (faultDue(Fault.DROP_OUTCOME, allocates)) {
                faultyOrderId = a.getOrderId();
                return;
            }
            outcome.forEach(event -> emit(a.getSku(), event, commandId));
            if (faultDue(Fault.DOUBLE_OUTCOME, allocates)) {
                faultyOrderId = a.getOrderId();
                outcome.forEach(event -> emit(a.getSku(), event, commandId));
            }
            if (faultDue(Fault.REPUBLISH_OUTCOME, allocates)) {
                faultyOrderId = a.getOrderId();
                outcome.forEach(event -> send(a.getSku(), event, commandId, lastEventId));
            }
        } else if (command instanceof ChangeBatchQuantity c) {
            shrink(c.getSku(), c.getRef(), c.getQty(), commandId);
        }
    }

    private List<SpecificRecord> allocate(String orderId, String sku, int qty) {
        List<Batch> batches = products.get(sku);
        if (batches == null) {
            return List.of(new AllocationRejected(orderId, sku, qty, "Invalid sku " + sku));
        }
        if (batches.stream().anyMatch(b -> b.lines.containsKey(orderId))) {
            return List.of();
        }
        Optional<Batch> chosen = batches.stream()
                .filter(b -> b.available() >= qty)
                .min(Comparator.comparing(b -> b.eta == null ? LocalDate.MIN : b.eta));
        if (chosen.isEmpty()) {
            return List.of(new OutOfStock(orderId, sku, qty));
        }
        Batch batch = chosen.get();
        batch.lines.put(orderId, qty);
        return List.of(new Allocated(orderId, sku, qty, batch.ref, batch.allocated()));
    }

    private void shrink(String sku, String ref, int qty, String commandId) {
        Batch batch = products.get(sku).stream()
                .filter(b -> b.ref.equals(ref))
                .findFirst()
                .orElseThrow();
        batch.qty = qty;
        emit(sku, new BatchQuantityChanged(ref, sku, qty), commandId);
        while (batch.available() < 0) {
            var line = batch.lines.entrySet().iterator().next();
            batch.lines.remove(line.getKey());
            String deallocatedId =
                    emit(sku, new Deallocated(line.getKey(), sku, line.getValue(), ref, batch.allocated()), commandId);
            if (faultDue(Fault.DROP_REALLOCATION, ++reallocations)) {
                faultyOrderId = line.getKey();
                continue;
            }
            allocate(line.getKey(), sku, line.getValue()).forEach(event -> emit(sku, event, deallocatedId));
        }
    }

    private String emit(String sku, SpecificRecord event, String causationId) {
        String id = UUID.randomUUID().toString();
        send(sku, event, causationId, id);
        lastEventId = id;
        return id;
    }

    private void send(String sku, SpecificRecord event, String causationId, String id) {
        var record = new ProducerRecord<>(eventsTopic, sku, codec.encode(event));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/fake-allocation-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", MessageCodec.typeName(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_causationid", causationId.getBytes(StandardCharsets.UTF_8));
        // As the relay does: the time the event was written, before it is sent.
        record.headers().add("ce_time", java.time.Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        consumer.close();
        producer.close();
    }

    private static final class Batch {
        final String ref;
        final LocalDate eta;
        final Map<String, Integer> lines = new LinkedHashMap<>();
        int qty;

        Batch(String ref, int qty, LocalDate eta) {
            this.ref = ref;
            this.qty = qty;
            this.eta = eta;
        }

        int allocated() {
            return lines.values().stream().mapToInt(Integer::intValue).sum();
        }

        int available() {
            return qty - allocated();
        }
    }
}
