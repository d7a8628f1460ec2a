package org.cosmicstock.stockview.bootstrap;

import org.cosmicstock.messaging.testing.TestKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class InMemoryProjectionRebuildIT extends ProjectionRebuildIT {

    private static final String TOPIC = TestKafka.uniqueTopic("rebuild-in-memory");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        readFromTestBroker(properties, TOPIC);
        properties.add("cosmicstock.stock-view.cache", () -> "in-memory");
    }

    @Override
    String topicName() {
        return TOPIC;
    }
}
