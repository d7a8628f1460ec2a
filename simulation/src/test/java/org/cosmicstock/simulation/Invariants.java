package org.cosmicstock.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.orders.domain.LineStatus;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.SkuStock;

/**
 * What must hold once a run is quiet, whatever the faults: checked against the services' databases,
 * the log and the stock view. Each violation names the SKUs and orders it is about, for the trace.
 */
final class Invariants {

    record Violation(String text, Set<String> about) {}

    private final World world;
    private final List<Violation> found = new ArrayList<>();

    Invariants(World world) {
        this.world = world;
    }

    List<Violation> check() {
        outboxesDrained();
        noBatchOverAllocated();
        Map<String, String> truth = allocationsTruth();
        everyLineSettledAsAllocationSays(truth);
        allocatedAndDeallocatedBalance();
        stockViewEqualsWriteModel();
        nothingValidDeadLettered();
        perKeyOrderAsCommitted(world.allocation.db.outbox, World.EVENTS);
        perKeyOrderAsCommitted(world.orders.db.outbox, World.COMMANDS);
        eachMessageAppliedOnce(world.allocation.db);
        eachMessageAppliedOnce(world.orders.db);
        return found;
    }

    private void violation(String text, String... about) {
        Set<String> tags = new LinkedHashSet<>();
        for (String a : about) {
            if (a != null) {
                tags.add(a);
            }
        }
        found.add(new Violation(text, tags));
    }

    private void outboxesDrained() {
        for (Database db : List.of(world.allocation.db, world.orders.db)) {
            for (OutboxTable.Row row : db.outbox.rows()) {
                if (!row.published) {
                    violation(
                            db.service + "'s outbox row " + row.written.id() + " (" + row.summary
                                    + ") was never published",
                            row.written.key());
                }
            }
        }
    }

    private void noBatchOverAllocated() {
        world.allocation.products.forEach((sku, product) -> {
            Map<String, Integer> held = new TreeMap<>();
            product.lines.forEach(l -> held.merge(l.batchRef(), l.qty(), Integer::sum));
            product.batches.values().forEach(b -> {
                if (b.allocated() > b.purchased()) {
                    violation(
                            "batch " + b.ref() + " is over-allocated: " + b.allocated() + " of " + b.purchased(),
                            sku,
                            b.ref());
                }
                int lines = held.getOrDefault(b.ref(), 0);
                if (lines != b.allocated()) {
                    violation(
                            "batch " + b.ref() + " counts " + b.allocated() + " allocated, its lines hold " + lines,
                            sku,
                            b.ref());
                }
            });
        });
    }

    /** Per line (order/sku), what allocation-service's committed events say became of it last. */
    private Map<String, String> allocationsTruth() {
        Map<String, String> last = new TreeMap<>();
        for (OutboxTable.Row row : world.allocation.db.outbox.rows()) {
            SpecificRecord event = world.codec().decode(row.written.payload());
            if (event instanceof Allocated a) {
                last.put(line(a.getOrderId(), a.getSku()), "ALLOCATED " + a.getBatchRef());
            } else if (event instanceof Deallocated d) {
                last.put(line(d.getOrderId(), d.getSku()), "PENDING");
            } else if (event instanceof OutOfStock o) {
                last.put(line(o.getOrderId(), o.getSku()), "OUT_OF_STOCK");
            } else if (event instanceof AllocationRejected r) {
                last.put(line(r.getOrderId(), r.getSku()), "REJECTED");
            }
        }
        return last;
    }

    private void everyLineSettledAsAllocationSays(Map<String, String> truth) {
        Map<String, String> held = new TreeMap<>();
        world.allocation.products.forEach((sku, product) ->
                product.lines.forEach(l -> held.put(line(l.orderId(), sku), l.batchRef())));
        world.orders.orders.forEach((orderId, order) -> {
            for (OrderLine l : order.lines()) {
                String key = line(orderId, l.sku().value());
                String says = truth.get(key);
                String has = l.status() == LineStatus.ALLOCATED
                        ? "ALLOCATED " + l.batchRef()
                        : l.status().name();
                if (l.status() == LineStatus.PENDING) {
                    violation(
                            "order line " + key + " never settled: still PENDING (allocation says " + says + ")",
                            orderId,
                            l.sku().value());
                } else if (!has.equals(says)) {
                    violation(
                            "order line " + key + " is " + has + " but allocation-service says " + says,
                            orderId,
                            l.sku().value());
                }
                String heldIn = held.get(key);
                boolean allocatedThere = Objects.equals(says, "ALLOCATED " + heldIn);
                if ((heldIn != null) != (says != null && says.startsWith("ALLOCATED"))
                        || heldIn != null && !allocatedThere) {
                    violation(
                            "line " + key + " is held in batch " + heldIn + " but its last event says " + says,
                            orderId,
                            l.sku().value());
                }
            }
        });
        if (!world.workload.placed.stream().allMatch(world.orders.orders::containsKey)) {
            violation("an order the client was told is placed is missing");
        }
    }

    /** Read from the log as consumers see it, duplicates counted once (by ce_id). */
    private void allocatedAndDeallocatedBalance() {
        Map<String, Integer> balance = new TreeMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SimLog.Stored s : world.log.all(World.EVENTS)) {
            if (!seen.add(CloudEventHeaders.text(s.headers(), CloudEventHeaders.ID))) {
                continue;
            }
            SpecificRecord event = world.codec().decode(s.value());
            if (event instanceof Allocated a) {
                balance.merge(line(a.getOrderId(), a.getSku()), 1, Integer::sum);
            } else if (event instanceof Deallocated d) {
                balance.merge(line(d.getOrderId(), d.getSku()), -1, Integer::sum);
            }
        }
        Map<String, String> held = new TreeMap<>();
        world.allocation.products.forEach((sku, product) ->
                product.lines.forEach(l -> held.put(line(l.orderId(), sku), l.batchRef())));
        Set<String> lines = new LinkedHashSet<>(balance.keySet());
        lines.addAll(held.keySet());
        for (String l : lines) {
            int expected = held.containsKey(l) ? 1 : 0;
            int b = balance.getOrDefault(l, 0);
            if (b != expected) {
                String[] parts = l.split("/", 2);
                violation(
                        "line " + l + ": Allocated minus Deallocated on the topic is " + b + ", expected " + expected,
                        parts[0],
                        parts[1]);
            }
        }
    }

    private void stockViewEqualsWriteModel() {
        world.allocation.products.forEach((sku, product) -> {
            Map<String, String> write = new LinkedHashMap<>();
            product.batches.values().forEach(b -> write.put(b.ref(), b.purchased() + "/" + b.allocated()));
            Map<String, String> read = new LinkedHashMap<>();
            SkuStock stock = world.view.find(sku).orElse(null);
            if (stock != null) {
                for (BatchStock b : stock.batches().values()) {
                    read.put(b.batchRef(), b.purchased() + "/" + b.allocated());
                }
            }
            if (!write.equals(read)) {
                violation(
                        "stock view of " + sku + " is " + read + " (purchased/allocated), the write model " + write,
                        sku);
            }
        });
    }

    private void nothingValidDeadLettered() {
        Set<String> lettered = new LinkedHashSet<>();
        for (String topic : List.of(World.COMMANDS + ".DLT", World.EVENTS + ".DLT")) {
            for (SimLog.Stored s : world.log.all(topic)) {
                String id = CloudEventHeaders.text(s.headers(), CloudEventHeaders.ID);
                lettered.add(id);
                if (!world.workload.invalidIds.contains(id)) {
                    violation(
                            "valid message " + id + " was dead-lettered: "
                                    + CloudEventHeaders.text(s.headers(), "dlt_reason"),
                            s.key());
                }
            }
        }
        for (String invalid : world.workload.invalidIds) {
            if (!lettered.contains(invalid)) {
                violation("invalid command " + invalid + " was not dead-lettered");
            }
        }
    }

    /** Per key, the messages on the topic (first copies) in the order their rows were committed. */
    private void perKeyOrderAsCommitted(OutboxTable outbox, String topic) {
        Map<String, List<String>> committed = new TreeMap<>();
        for (OutboxTable.Row row : outbox.rows()) {
            committed
                    .computeIfAbsent(row.written.key(), k -> new ArrayList<>())
                    .add(row.written.context().messageId());
        }
        Map<String, List<String>> published = new TreeMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SimLog.Stored s : world.log.all(topic)) {
            String id = CloudEventHeaders.text(s.headers(), CloudEventHeaders.ID);
            String source = CloudEventHeaders.text(s.headers(), CloudEventHeaders.SOURCE);
            if (source.startsWith("/procurement") || !seen.add(id)) {
                continue;
            }
            published.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(id);
        }
        committed.forEach((key, ids) -> {
            List<String> got = published.getOrDefault(key, List.of());
            if (!got.equals(ids)) {
                violation("on " + topic + ", key " + key + " carries " + got + ", committed in the order " + ids, key);
            }
        });
    }

    /**
     * What a message changed, it changed in one transaction: the rows one message caused were all
     * committed together. A message applied twice (a duplicate the inbox let through) commits its
     * events a second time, in another transaction.
     */
    private void eachMessageAppliedOnce(Database db) {
        Map<String, Long> transactionOf = new TreeMap<>();
        for (OutboxTable.Row row : db.outbox.rows()) {
            String cause = row.written.context().causationId();
            Long earlier = transactionOf.putIfAbsent(cause, row.transaction);
            if (earlier != null && earlier != row.transaction) {
                violation(
                        db.service + " applied message " + cause + " twice: its events were committed in tx " + earlier
                                + " and again in tx " + row.transaction + " (" + row.summary + ")",
                        tagsOf(row));
            }
        }
    }

    private String[] tagsOf(OutboxTable.Row row) {
        List<String> tags = new ArrayList<>(World.tagsOf(world.codec().decode(row.written.payload())));
        tags.add(row.written.key());
        return tags.toArray(String[]::new);
    }

    private static String line(CharSequence orderId, CharSequence sku) {
        return orderId + "/" + sku;
    }
}
