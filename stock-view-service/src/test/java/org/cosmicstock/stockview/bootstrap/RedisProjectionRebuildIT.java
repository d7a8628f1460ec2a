package org.cosmicstock.stockview.bootstrap;

import java.util.UUID;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.stockview.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RedisProjectionRebuildIT extends ProjectionRebuildIT {

    private static final String TOPIC = TestKafka.uniqueTopic("rebuild-redis");

    /** Before the context starts, so that a missing redis-server fails with its own message. */
    @BeforeAll
    static void redis() {
        TestRedis.url();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        readFromTestBroker(properties, TOPIC);
        properties.add("cosmicstock.stock-view.cache", () -> "redis");
        properties.add("cosmicstock.stock-view.redis.url", TestRedis::url);
        properties.add("cosmicstock.stock-view.redis.key-prefix", () -> "rebuild-it:" + UUID.randomUUID() + ":");
    }

    @Override
    String topicName() {
        return TOPIC;
    }
}
