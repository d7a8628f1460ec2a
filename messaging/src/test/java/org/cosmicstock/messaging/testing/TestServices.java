package org.cosmicstock.messaging.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** How a test runs one of the suite's services on the tests' real infrastructure. */
public final class TestServices {

    private TestServices() {}

    /**
     * The shared broker, a fresh database of the shared PostgreSQL, and the service's own topics (unique per
     * test class, so that no other test's records reach it).
     */
    public static void onKafkaAndPostgres(DynamicPropertyRegistry properties, String commands, String events) {
        properties.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        properties.add("spring.datasource.url", TestPostgres::freshDatabaseUrl);
        properties.add("cosmicstock.messaging.topics.commands", () -> commands);
        properties.add("cosmicstock.messaging.topics.events", () -> events);
    }
}
