package org.cosmicstock.messaging.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the broker answers a cluster description in time; part of the readiness group. */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private static final int TIMEOUT_MS = 2_000;

    private final Admin admin;

    public KafkaHealthIndicator(Admin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", cluster.clusterId().get()).withDetail("nodes", nodes);
    }

    @Override
    public void close() {
        admin.close();
    }
}
