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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection (thread-safe, shared by the reader and the queries), opened on first use
 * so that the service starts, not ready, while Redis is still down. Redis failures surface as
 * {@link ViewUnavailable}.
 */
public final class RedisConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

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

    /**
     * Warns if Redis may evict single keys of the stock view. A key evicted alone (an allkeys-* policy) is a SKU missing from the view without its positions
     * moving back, which the checks here cannot see; the view sets no expiry, so noeviction or a
     * volatile-* policy never evicts it.
     */
    void warnIfItMayEvict() {
        try {
            String policy = call(r -> r.configGet("maxmemory-policy")).get("maxmemory-policy");
            if (policy != null && policy.startsWith("allkeys")) {
                LOG.warn(
                        "Redis at {} runs with maxmemory-policy {}: it may evict single SKUs of the view, which the"
                                + " view cannot detect; use noeviction (or a volatile-* policy) for the stock view",
                        address(),
                        policy);
            }
        } catch (ViewUnavailable e) {
            LOG.info("Could not read Redis's maxmemory-policy (CONFIG may be disabled): {}", e.getMessage());
        }
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
