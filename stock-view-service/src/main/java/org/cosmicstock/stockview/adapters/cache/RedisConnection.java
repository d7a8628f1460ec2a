package org.cosmicstock.stockview.adapters.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.Function;
import org.cosmicstock.stockview.domain.ViewUnavailable;

/**
 * One Lettuce connection (thread-safe, shared by the reader and the queries), opened on first use
 * so that the service starts, not ready, while Redis is still down. Redis failures surface as
 * {@link ViewUnavailable}.
 */
public final class RedisConnection implements AutoCloseable {

    private final RedisClient client;
    private final String address;
    private volatile StatefulRedisConnection<String, String> connection;

    private RedisConnection(RedisClient client, String address) {
        this.client = client;
        this.address = address;
    }

    public static RedisConnection to(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        // Fail at once while disconnected instead of queueing: the reader retries, a query answers 503.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return new RedisConnection(client, uri.getHost() + ":" + uri.getPort());
    }

    /** host:port, without credentials, for logs and health details. */
    public String address() {
        return address;
    }

    public String ping() {
        return call(RedisCommands::ping);
    }

    <T> T call(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(open().sync());
        } catch (RedisException e) {
            throw new ViewUnavailable("Redis at " + address + " is unavailable: " + e.getMessage(), e);
        }
    }

    private StatefulRedisConnection<String, String> open() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                c = connection;
            }
        }
        return c;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown();
    }
}
