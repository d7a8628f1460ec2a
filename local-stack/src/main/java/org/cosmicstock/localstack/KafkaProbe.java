package org.cosmicstock.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Asks a broker to describe its cluster: it answers once it has registered and can serve clients. */
final class KafkaProbe implements Readiness.Probe, AutoCloseable {
    private final String host;
    private final int port;
    private Admin admin;

    KafkaProbe(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean ready() throws Exception {
        if (admin == null) {
            // A plain connect first: the Admin client logs a warning for every refused connection.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
            } catch (IOException notListening) {
                return false;
            }
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
        }
        return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
