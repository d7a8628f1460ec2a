package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.cosmicstock.allocation.bootstrap.AllocationServiceApplication;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.messaging.testing.TestProducer;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.BatchCreated;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service that stops after committing a change but before publishing its events loses nothing:
 * the next instance to start publishes what the outbox holds.
 */
class OutboxRecoveryIT {

    private final MessageCodec codec = MessageCodec.create();
    private final String commands = TestKafka.uniqueTopic("commands");
    private final String events = TestKafka.uniqueTopic("events");
    private final String databaseUrl = TestPostgres.freshDatabaseUrl();

    @Test
    void theOutboxDrainsWhenTheServiceComesBack() throws Exception {
        try (ConfigurableApplicationContext first = start(false)) {
            send(new CreateBatch("batch-1", "SKU-1", 10, null));
            awaitPendingOutboxRows(1);
        }
        assertThat(TestKafka.readToEnd(events)).isEmpty();

        try (ConfigurableApplicationContext second = start(true)) {
            var published = TestKafka.read(events, 1, Duration.ofSeconds(30));
            assertThat(codec.decode(published.get(0).value()))
                    .isEqualTo(new BatchCreated("batch-1", "SKU-1", 10, null));
            awaitPendingOutboxRows(0);
        }
        assertThat(TestKafka.readToEnd(events))
                .as("published once, read to the end")
                .hasSize(1);
    }

    private ConfigurableApplicationContext start(boolean relayEnabled) {
        // Command-line arguments, because they win over application.yml (builder properties do not).
        return new SpringApplicationBuilder(AllocationServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--spring.datasource.url=" + databaseUrl,
                        "--cosmicstock.messaging.topics.commands=" + commands,
                        "--cosmicstock.messaging.topics.events=" + events,
                        "--cosmicstock.messaging.outbox.relay-enabled=" + relayEnabled);
    }

    private void send(CreateBatch command) {
        TestProducer.send(commands, null, command.getSku(), codec.encode(command), "create-1");
    }

    private void awaitPendingOutboxRows(long expected) {
        await(expected + " pending outbox row(s)")
                .atMost(Duration.ofSeconds(30))
                .until(this::pending, pending -> pending == expected);
    }

    private long pending() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
                var statement = connection.createStatement();
                var result =
                        statement.executeQuery("select count(*) from messaging.outbox where published_at is null")) {
            result.next();
            return result.getLong(1);
        }
    }
}
