package org.cosmicstock.stockview.adapters.cache;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cosmicstock.stockview.domain.SkuStock;
import org.cosmicstock.stockview.domain.StockEvent;
import org.cosmicstock.stockview.domain.StockView;
import org.cosmicstock.stockview.domain.ViewReset;

/**
 * The view in Redis, shared by every replica pointed at it, and surviving restarts. Keys, under a
 * prefix: {@code generation} names the current generation; {@code g:<generation>:sku:<sku>} holds
 * one SKU as JSON and {@code g:<generation>:positions} the offset applied per partition.
 *
 * <p>The new value of a SKU is computed here, in Java, and written with its position by one Lua
 * script that refuses an offset its partition has already reached (so replicas reading the same
 * topic never apply an event twice), a value that changed since it was read (so concurrent writers
 * never lose an update), and a generation that is no longer current. Dropping the view starts a
 * new, empty generation: a replica still applying to the old one is refused and told to resume
 * from the new positions, so nothing is ever written on top of a half-deleted view.
 */
public final class RedisStockView implements StockView {

    private static final LuaScript FIND = LuaScript.load("find.lua", ScriptOutputType.VALUE);
    private static final LuaScript POSITIONS = LuaScript.load("positions.lua", ScriptOutputType.MULTI);
    private static final LuaScript APPLY = LuaScript.load("apply.lua", ScriptOutputType.INTEGER);
    private static final long WRITTEN = 1;
    private static final long ALREADY_APPLIED = 0;
    private static final long VIEW_DROPPED = -2;

    private final RedisConnection redis;
    private final String prefix;
    private final String generationKey;
    private volatile String generation;

    public RedisStockView(RedisConnection redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.generationKey = keyPrefix + "generation";
    }

    @Override
    public Optional<SkuStock> find(String sku) {
        String json = redis.call(r -> FIND.run(r, new String[] {generationKey}, prefix, sku));
        return Optional.ofNullable(json).map(StoredSkuStock::read);
    }

    @Override
    public boolean apply(int partition, long offset, StockEvent event, Instant eventTime) {
        String gen = generation == null ? currentGeneration() : generation;
        String skuKey = skuKey(gen, event.sku());
        String[] keys = {generationKey, skuKey, positionsKey(gen)};
        while (true) {
            String current = redis.call(r -> r.get(skuKey));
            SkuStock stock = current == null ? SkuStock.empty(event.sku()) : StoredSkuStock.read(current);
            String next = StoredSkuStock.write(stock.apply(event, eventTime));
            String seen = current == null ? "" : LuaScript.sha1Hex(current);
            long result = redis.call(
                    r -> APPLY.<Long>run(r, keys, gen, Integer.toString(partition), Long.toString(offset), seen, next));
            if (result == WRITTEN) {
                return true;
            }
            if (result == ALREADY_APPLIED) {
                return false;
            }
            if (result == VIEW_DROPPED) {
                generation = null;
                throw new ViewReset("The view in Redis under " + prefix + " was dropped since generation " + gen);
            }
            // Another writer changed this SKU between our read and our write: read it again.
        }
    }

    /**
     * The positions of the current generation. They bind the applies that follow only if this
     * instance has no generation yet or was told its own was dropped: anyone else asking (an
     * operator's status page) must not move the reader onto positions it has not resumed from.
     */
    @Override
    public Map<Integer, Long> positions() {
        List<Object> reply = redis.call(r -> POSITIONS.run(r, new String[] {generationKey}, prefix));
        Map<Integer, Long> positions = new HashMap<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            positions.put(Integer.valueOf((String) reply.get(i)), Long.valueOf((String) reply.get(i + 1)));
        }
        if (generation == null) {
            generation = (String) reply.get(0);
        }
        return Map.copyOf(positions);
    }

    /**
     * Starts a new, empty generation, then deletes the older ones (SCAN, never KEYS, so Redis is not
     * blocked). Newer ones are left alone: they belong to a replica that cleared after this one did.
     */
    @Override
    public void clear() {
        long fresh = redis.call(r -> r.incr(generationKey));
        generation = Long.toString(fresh);
        String generations = prefix + "g:";
        ScanArgs everyGeneration =
                ScanArgs.Builder.matches(glob(generations) + "*").limit(1_000);
        redis.call(r -> {
            KeyScanCursor<String> cursor = r.scan(everyGeneration);
            while (true) {
                String[] older = cursor.getKeys().stream()
                        .filter(key -> generationOf(key.substring(generations.length())) < fresh)
                        .toArray(String[]::new);
                if (older.length > 0) {
                    r.unlink(older);
                }
                if (cursor.isFinished()) {
                    return null;
                }
                cursor = r.scan(cursor, everyGeneration);
            }
        });
    }

    private String currentGeneration() {
        String current = redis.call(r -> r.get(generationKey));
        generation = current == null ? "0" : current;
        return generation;
    }

    private String skuKey(String gen, String sku) {
        return prefix + "g:" + gen + ":sku:" + sku;
    }

    private String positionsKey(String gen) {
        return prefix + "g:" + gen + ":positions";
    }

    private static long generationOf(String keySuffix) {
        int end = keySuffix.indexOf(':');
        try {
            return Long.parseLong(end < 0 ? keySuffix : keySuffix.substring(0, end));
        } catch (NumberFormatException notOurs) {
            return Long.MAX_VALUE;
        }
    }

    /** The prefix as a SCAN pattern that matches it literally. */
    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
