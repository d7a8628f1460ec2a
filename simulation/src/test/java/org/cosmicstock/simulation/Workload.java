package org.cosmicstock.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;

/**
 * A random scenario: a few SKUs, batches of them (in the warehouse or on their way), orders of one or
 * two lines (now and then for a SKU nobody stocks), batch quantities changed (some by reference only,
 * so they travel on another partition than their batch), now and then a command that breaks the
 * contract. Sent in a random order, except that a batch is changed only after it was created.
 */
final class Workload {

    sealed interface Item permits Place, Send {}

    /** A client's POST /orders. */
    record Place(String orderId, Map<String, Integer> lines) implements Item {}

    /** A command procurement sends to allocation.commands; {@code invalid} if it breaks the contract. */
    record Send(SpecificRecord payload, String key, boolean invalid) implements Item {}

    static final String UNKNOWN_SKU = "SKU-NOBODY-STOCKS";

    private final List<Item> items = new ArrayList<>();
    private int next;
    final Set<String> invalidIds = new LinkedHashSet<>();
    final Set<String> placed = new LinkedHashSet<>();

    Workload(SplittableRandom random) {
        List<String> skus = new ArrayList<>();
        int skuCount = 1 + random.nextInt(3);
        for (int i = 0; i < skuCount; i++) {
            skus.add("SKU-" + (char) ('A' + i));
        }
        List<Item> creates = new ArrayList<>();
        Map<String, CreateBatch> batches = new LinkedHashMap<>();
        for (String sku : skus) {
            int count = 1 + random.nextInt(2);
            for (int i = 1; i <= count; i++) {
                String ref = "b-" + sku.substring(4) + i;
                LocalDate eta = random.nextInt(3) == 0 ? null : LocalDate.of(2026, 12, 2 + random.nextInt(8));
                CreateBatch create = new CreateBatch(ref, sku, 1 + random.nextInt(20), eta);
                batches.put(ref, create);
                creates.add(new Send(create, sku, false));
            }
        }
        if (random.nextInt(3) == 0) {
            creates.add(new Send(new CreateBatch("b-bad", skus.get(0), 0, null), skus.get(0), true));
        }
        List<Item> orders = new ArrayList<>();
        int orderCount = 2 + random.nextInt(6);
        for (int i = 1; i <= orderCount; i++) {
            Map<String, Integer> lines = new LinkedHashMap<>();
            int lineCount = 1 + random.nextInt(2);
            for (int l = 0; l < lineCount; l++) {
                String sku = random.nextInt(8) == 0 ? UNKNOWN_SKU : skus.get(random.nextInt(skus.size()));
                lines.putIfAbsent(sku, 1 + random.nextInt(8));
            }
            orders.add(new Place("o" + i, lines));
        }
        List<String> refs = new ArrayList<>(batches.keySet());
        List<Send> changes = new ArrayList<>();
        int changeCount = random.nextInt(4);
        for (int i = 0; i < changeCount; i++) {
            CreateBatch batch = batches.get(refs.get(random.nextInt(refs.size())));
            boolean byRefOnly = random.nextInt(3) == 0;
            ChangeBatchQuantity change = new ChangeBatchQuantity(
                    batch.getRef(), random.nextInt(batch.getQty() + 5), byRefOnly ? null : batch.getSku());
            changes.add(new Send(change, byRefOnly ? batch.getRef() : batch.getSku(), false));
        }
        // Interleave: creates lead, orders follow, a change only once its batch was sent.
        Set<String> created = new LinkedHashSet<>();
        while (!creates.isEmpty() || !orders.isEmpty() || !changes.isEmpty()) {
            int pick = random.nextInt(10);
            if (!creates.isEmpty() && (pick < 5 || orders.isEmpty() && changes.isEmpty())) {
                Send send = (Send) creates.remove(0);
                created.add(((CreateBatch) send.payload()).getRef());
                items.add(send);
            } else if (!orders.isEmpty() && (pick < 8 || changes.isEmpty())) {
                items.add(orders.remove(0));
            } else if (!changes.isEmpty()) {
                Send change = changes.get(0);
                if (created.contains(
                        ((ChangeBatchQuantity) change.payload()).getRef().toString())) {
                    items.add(changes.remove(0));
                } else if (!creates.isEmpty()) {
                    Send send = (Send) creates.remove(0);
                    created.add(((CreateBatch) send.payload()).getRef());
                    items.add(send);
                } else if (!orders.isEmpty()) {
                    items.add(orders.remove(0));
                } else {
                    changes.remove(0);
                }
            }
        }
    }

    boolean isDone() {
        return next >= items.size();
    }

    Item peek() {
        return items.get(next);
    }

    void next() {
        next++;
    }

    int size() {
        return items.size();
    }
}
