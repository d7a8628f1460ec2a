package org.cosmicstock.stockview.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.testing.EventsTopic;
import org.cosmicstock.stockview.testing.RandomAllocationHistory;
import org.cosmicstock.stockview.testing.ReaderUnderTest;
import org.junit.jupiter.api.Test;

/**
 * A broker of its own, stopped under a reader that had caught up: the view can still serve what it
 * holds, so the replica stays ready, while the staleness it reports keeps growing.
 */
class BrokerAwayIT {

    @Test
    void aCaughtUpViewKeepsServingWhileTheBrokerIsAwayAndSaysHowStaleItIs() {
        TestKafka.Broker broker = TestKafka.ownBroker(1);
        String bootstrap = broker.bootstrapServers();
        RandomAllocationHistory history = new RandomAllocationHistory(5, 4);
        ReaderUnderTest reader;
        try (EventsTopic topic = EventsTopic.create("broker-away", bootstrap)) {
            for (int i = 0; i < 100; i++) {
                topic.send(history.next());
            }
            topic.flush();
            reader = new ReaderUnderTest(
                            topic.name(), new InMemoryStockView(), bootstrap, bootstrap, Duration.ofSeconds(60))
                    .start();
            reader.awaitCaughtUp(topic.endOffsets(), Duration.ofSeconds(60));
            await("the reader confirmed it has everything")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> reader.progress().stalenessSeconds() < 2);
        } finally {
            broker.close();
        }
        try (reader) {
            await("the view has not been confirmed complete for 5 s")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> reader.progress().stalenessSeconds() > 5);

            assertThat(reader.state()).isEqualTo(ReaderState.CAUGHT_UP);
            assertThat(reader.serving()).isTrue();
            assertThat(reader.progress().failure()).isNull();
            history.expected()
                    .keySet()
                    .forEach(sku -> assertThat(reader.view.find(sku)).as(sku).isPresent());
        }
    }
}
