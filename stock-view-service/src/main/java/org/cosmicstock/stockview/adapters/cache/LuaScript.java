package org.cosmicstock.stockview.adapters.cache;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script kept next to this class, run by its SHA-1 and sent whole only when Redis does not know it yet. */
final class LuaScript {

    private final String text;
    private final String sha1;
    private final ScriptOutputType output;

    private LuaScript(String text, ScriptOutputType output) {
        this.text = text;
        this.sha1 = sha1Hex(text);
        this.output = output;
    }

    static LuaScript load(String name, ScriptOutputType output) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing from the classpath");
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T run(RedisCommands<String, String> redis, String[] keys, String... args) {
        try {
            return redis.evalsha(sha1, output, keys, args);
        } catch (RedisNoScriptException notLoaded) {
            // A restarted Redis has forgotten its scripts; EVAL runs it and caches it again.
            return redis.eval(text, output, keys, args);
        }
    }

    /** Lower-case hex SHA-1 of the UTF-8 bytes: what Redis names scripts by and what {@code redis.sha1hex} gives. */
    static String sha1Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-1", e);
        }
    }
}
