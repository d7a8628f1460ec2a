package org.cosmicstock.stockview.adapters.cache;

import io.lettuce.core.ScriptOutputType;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cosmicstock.stockview.domain.Generation;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewLost;
import org.cosmicstock.stockview.domain.ViewReset;

/**
 * The view in Redis, shared by every replica pointed at it, and surviving restarts. Keys, under a
 * prefix: {@code generation} names the served generation, {@code building} the one being rebuilt
 * beside it (if any); {@code g:<id>:sku:<sku>} holds one SKU as JSON and {@code g:<id>:positions}
 * the offset applied per partition.
 *
 * <p>A batch is one read (every SKU it touches, the positions and the pointers) and one Lua script
 * that writes it whole, refusing if a position or a SKU's value changed since the read (another
 * replica applied events meanwhile: read again, skip what it applied, recompute) or if the
 * generation is neither served nor being built. This instance remembers the positions it saw and
 * wrote: positions that went back, or a generation that vanished with nothing served in its place,
 * mean Redis lost the view ({@link ViewLost}), detected before anything more is written.
 */
public final class RedisStockView implements StockView {

    private static final LuaScript FIND = LuaScript.load("find.lua", ScriptOutputType.VALUE);
    private static final LuaScript POSITIONS = LuaScript.load("positions.lua", ScriptOutputType.MULTI);
    private static final LuaScript ATTACH = LuaScript.load("attach.lua", ScriptOutputType.MULTI);
    private static final LuaScript READ = LuaScript.load("read.lua", ScriptOutputType.MULTI);
    private static final LuaScript APPLY = LuaScript.load("apply.lua", ScriptOutputType.INTEGER);
    private static final LuaScript PROMOTE = LuaScript.load("promote.lua", ScriptOutputType.INTEGER);
    private static final long WRITTEN = 1;
    private static final long SUPERSEDED = -2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisConnection redis;
    private final RedisKeys keys;
    private final String[] pointers;
    private String mine;
    private boolean evictionChecked;
    private final Map<Integer, Long> known = new HashMap<>();

    public RedisStockView(RedisConnection redis, String keyPrefix) {
        this.redis = redis;
        this.keys = new RedisKeys(keyPrefix);
        this.pointers = new String[] {keys.served(), keys.building()};
    }

    @Override
    public Optional<SkuStock> find(String sku) {
        String json = redis.call(r -> FIND.run(r, new String[] {keys.served()}, keys.prefix(), sku));
        return Optional.ofNullable(json).map(StoredSkuStock::read);
    }

    @Override
    public synchronized Generation resume() {
        if (!evictionChecked) {
            evictionChecked = true;
            redis.warnIfItMayEvict();
        }
        List<Object> chosen = attach("resume", known.isEmpty() ? "" : mine);
        if (chosen.get(0) == null) {
            throw new ViewLost("Generation " + mine + " of the view under prefix '" + keys.prefix() + "'"
                    + " is gone from Redis and no generation is served: Redis lost the view (restarted empty,"
                    + " flushed or evicted)");
        }
        return adopt(chosen);
    }

    @Override
    public synchronized Generation rebuild() {
        return adopt(attach("rebuild", mine == null ? "" : mine));
    }

    @Override
    public synchronized Generation recover() {
        return adopt(attach("recover", mine == null ? "" : mine));
    }

    @Override
    public synchronized List<PositionedEvent> apply(List<PositionedEvent> batch) {
        if (mine == null) {
            resume();
        }
        Set<String> skus = new LinkedHashSet<>();
        batch.forEach(e -> skus.add(e.event().sku()));
        while (true) {
            BatchRead read = read(skus);
            PendingBatch pending = PendingBatch.fold(batch, read.values(), read.positions());
            if (pending.applied().isEmpty()) {
                return List.of();
            }
            String[] scriptKeys = new String[3 + pending.written().size()];
            scriptKeys[0] = keys.served();
            scriptKeys[1] = keys.building();
            scriptKeys[2] = keys.positions(mine);
            int k = 3;
            for (String sku : pending.written().keySet()) {
                scriptKeys[k++] = keys.sku(mine, sku);
            }
            long result = redis.call(r -> APPLY.<Long>run(r, scriptKeys, pending.arguments(mine, read.values())));
            if (result == WRITTEN) {
                known.putAll(pending.positions());
                return pending.applied();
            }
            if (result == SUPERSEDED) {
                read(Set.of());
            }
            // Another replica applied events of these partitions or SKUs meanwhile: read again.
        }
    }

    @Override
    public synchronized void check() {
        if (mine != null) {
            read(Set.of());
        }
    }

    @Override
    public synchronized void promote() {
        String generation = mine;
        long result = redis.call(r -> PROMOTE.<Long>run(r, pointers, generation));
        if (result != WRITTEN) {
            throw new ViewReset("Generation " + generation + " under prefix '" + keys.prefix() + "'"
                    + " was superseded before it could be served");
        }
        new GenerationSweep(redis, keys).deleteAllBut(generation);
    }

    @Override
    public Map<Integer, Long> positions() {
        return toPositions(redis.call(r -> POSITIONS.run(r, new String[] {keys.served()}, keys.prefix())));
    }

    /**
     * Reads the pointers, the reader's positions and the SKUs' values, and checks that the reader's
     * generation is still there and holds at least what this instance saw it hold.
     */
    private BatchRead read(Set<String> skus) {
        String[] readKeys = new String[3 + skus.size()];
        readKeys[0] = keys.served();
        readKeys[1] = keys.building();
        readKeys[2] = keys.positions(mine);
        int k = 3;
        for (String sku : skus) {
            readKeys[k++] = keys.sku(mine, sku);
        }
        List<Object> reply = redis.call(r -> READ.run(r, readKeys));
        String served = (String) reply.get(0);
        String building = (String) reply.get(1);
        if (!mine.equals(served) && !mine.equals(building)) {
            throw gone(served, building);
        }
        Map<Integer, Long> positions = toPositions((List<?>) reply.get(2));
        checkNothingLost(positions);
        known.putAll(positions);
        Map<String, String> values = new LinkedHashMap<>();
        List<?> stored = (List<?>) reply.get(3);
        int i = 0;
        for (String sku : skus) {
            values.put(sku, (String) stored.get(i++));
        }
        return new BatchRead(positions, values);
    }

    private RuntimeException gone(String served, String building) {
        // Superseded while something is served is a switch; nothing served means the view was lost.
        if (served != null) {
            return new ViewReset("Generation " + mine + " of the view under prefix '" + keys.prefix() + "'"
                    + " was superseded: generation " + served + " is served"
                    + (building == null ? "" : ", " + building + " is being built"));
        }
        return new ViewLost("Generation " + mine + " of the view under prefix '" + keys.prefix() + "'"
                + " is gone from Redis and no generation is served: Redis lost the view (restarted empty,"
                + " flushed or evicted)");
    }

    private void checkNothingLost(Map<Integer, Long> positions) {
        for (var entry : known.entrySet()) {
            Long stored = positions.get(entry.getKey());
            if (stored == null || stored < entry.getValue()) {
                throw new ViewLost("Redis lost events this reader applied: generation " + mine + " under "
                        + "'" + keys.prefix() + "' holds partition " + entry.getKey() + " up to "
                        + (stored == null ? "nothing" : "offset " + stored) + ", this reader applied up to offset "
                        + entry.getValue());
            }
        }
    }

    private List<Object> attach(String mode, String current) {
        String fresh = Long.toString(System.currentTimeMillis(), 36) + Long.toString(RANDOM.nextInt(1 << 30), 36);
        return redis.call(r -> ATTACH.run(r, pointers, mode, current, fresh));
    }

    private Generation adopt(List<Object> chosen) {
        String generation = (String) chosen.get(0);
        Map<Integer, Long> positions = new HashMap<>();
        redis.call(r -> r.hgetall(keys.positions(generation)))
                .forEach((partition, offset) -> positions.put(Integer.valueOf(partition), Long.valueOf(offset)));
        if (generation.equals(mine)) {
            checkNothingLost(positions);
        } else {
            mine = generation;
            known.clear();
        }
        known.putAll(positions);
        return new Generation(generation, positions, ((Long) chosen.get(1)) == 1L);
    }

    private static Map<Integer, Long> toPositions(List<?> flat) {
        Map<Integer, Long> positions = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            positions.put(Integer.valueOf((String) flat.get(i)), Long.valueOf((String) flat.get(i + 1)));
        }
        return Map.copyOf(positions);
    }

    private record BatchRead(Map<Integer, Long> positions, Map<String, String> values) {}
}
