package org.cosmicstock.stockview.adapters.cache;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import java.util.List;

/**
 * Deletes the keys of generations that are neither served nor being built, with SCAN (never KEYS,
 * so Redis is not blocked) and a script per page that checks the pointers as it deletes: a
 * generation started while the sweep runs is left alone.
 */
final class GenerationSweep {

    private static final LuaScript FORGET = LuaScript.load("forget.lua", ScriptOutputType.INTEGER);

    private final RedisConnection redis;
    private final RedisKeys keys;

    GenerationSweep(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** @param kept the generation just served; the scan skips its keys without asking Redis twice */
    long deleteAllBut(String kept) {
        ScanArgs everyGeneration =
                ScanArgs.Builder.matches(glob(keys.generations()) + "*").limit(1_000);
        String keptPrefix = keys.generations() + kept + ":";
        return redis.call(r -> {
            long deleted = 0;
            KeyScanCursor<String> cursor = r.scan(everyGeneration);
            while (true) {
                List<String> older = cursor.getKeys().stream()
                        .filter(key -> !key.startsWith(keptPrefix))
                        .toList();
                if (!older.isEmpty()) {
                    String[] scriptKeys = new String[2 + older.size()];
                    String[] generations = new String[older.size()];
                    scriptKeys[0] = keys.served();
                    scriptKeys[1] = keys.building();
                    for (int i = 0; i < older.size(); i++) {
                        scriptKeys[2 + i] = older.get(i);
                        generations[i] = keys.generationOf(older.get(i));
                    }
                    deleted += FORGET.<Long>run(r, scriptKeys, generations);
                }
                if (cursor.isFinished()) {
                    return deleted;
                }
                cursor = r.scan(cursor, everyGeneration);
            }
        });
    }

    /** The prefix as a SCAN pattern that matches it literally. */
    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
