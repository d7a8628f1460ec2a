package org.cosmicstock.stockview.adapters.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.SkuStock;

/**
 * A batch folded onto what Redis held when it was read: the events not applied yet (per partition,
 * those past the stored position), the new value of each SKU they change and the new position of
 * each partition, ready to be handed to {@code apply.lua} with what the write must find unchanged.
 */
record PendingBatch(
        List<PositionedEvent> applied,
        Map<String, String> written,
        Map<Integer, Long> readPositions,
        Map<Integer, Long> positions) {

    static PendingBatch fold(List<PositionedEvent> batch, Map<String, String> values, Map<Integer, Long> stored) {
        Map<String, SkuStock> states = new LinkedHashMap<>();
        Map<Integer, Long> positions = new LinkedHashMap<>();
        Map<Integer, Long> readPositions = new LinkedHashMap<>();
        List<PositionedEvent> applied = new ArrayList<>();
        for (PositionedEvent e : batch) {
            Long done = positions.containsKey(e.partition()) ? positions.get(e.partition()) : stored.get(e.partition());
            if (done != null && e.offset() <= done) {
                continue;
            }
            String sku = e.event().sku();
            SkuStock state = states.computeIfAbsent(sku, s -> {
                String json = values.get(s);
                return json == null ? SkuStock.empty(s) : StoredSkuStock.read(json);
            });
            states.put(sku, state.apply(e.event(), e.eventTime()));
            readPositions.putIfAbsent(e.partition(), stored.get(e.partition()));
            positions.put(e.partition(), e.offset());
            applied.add(e);
        }
        Map<String, String> written = new LinkedHashMap<>();
        states.forEach((sku, state) -> written.put(sku, StoredSkuStock.write(state)));
        return new PendingBatch(applied, written, readPositions, positions);
    }

    /** The script's arguments, in the order {@code apply.lua} reads them; keys follow {@link #written}'s order. */
    String[] arguments(String generation, Map<String, String> values) {
        List<String> args = new ArrayList<>(2 + 3 * positions.size() + 2 * written.size());
        args.add(generation);
        args.add(Integer.toString(positions.size()));
        positions.forEach((partition, offset) -> {
            Long read = readPositions.get(partition);
            args.add(Integer.toString(partition));
            args.add(read == null ? "" : Long.toString(read));
            args.add(Long.toString(offset));
        });
        written.forEach((sku, value) -> {
            String seen = values.get(sku);
            args.add(seen == null ? "" : LuaScript.sha1Hex(seen));
            args.add(value);
        });
        return args.toArray(String[]::new);
    }
}
