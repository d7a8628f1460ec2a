package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real broker as a child JVM. Its classpath is this test JVM's java.class.path, which Maven's
 * failsafe fork sets to the test classpath (kafka_2.13 and its dependencies are on it), as the
 * launcher does with local-stack/target/lib; no packaging step is needed for the test.
 */
@Timeout(240)
class KafkaBrokerIT {
    @TempDir
    Path dir;

    @Test
    void aRecordGoesThroughTheRealBrokerAndOutlivesARestartAKillAndANewHandle() throws Exception {
        int[] ports = Ports.freePorts(2);
        long pid;
        try (KafkaBroker broker = KafkaBroker.inDirectory(dir, ports[0], ports[1])) {
            assertThat(broker.needsFormat()).isTrue();
            broker.start();
            pid = broker.pid();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("it.greetings", 6, (short) 1)))
                        .all()
                        .get();
            }

            produce(broker.bootstrapServers(), "sku-1", "hello");
            ConsumerRecord<String, String> record = consumeOne(broker.bootstrapServers());

            assertThat(record.key()).isEqualTo("sku-1");
            assertThat(record.value()).isEqualTo("hello");

            // An outage as a fault test makes one: stopped, then back on the same ports and data.
            assertThat(broker.stop()).as("stopped by SIGTERM, not killed").isTrue();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(broker.exitedUnexpectedly()).isFalse();
            broker.start();

            assertThat(broker.pid()).isNotEqualTo(pid);
            assertThat(consumeOne(broker.bootstrapServers()).value()).isEqualTo("hello");

            // A crash: SIGKILL, then log recovery on the next start.
            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get()).contains("it.greetings");
            }
            assertThat(consumeOne(broker.bootstrapServers()).value()).isEqualTo("hello");
            pid = broker.pid();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Orphans.under(dir)).isEmpty();

        try (KafkaBroker again = KafkaBroker.inDirectory(dir, ports[0], ports[1])) {
            assertThat(again.needsFormat()).isFalse();
            again.start();
            try (Admin admin = admin(again)) {
                assertThat(admin.listTopics().names().get()).contains("it.greetings");
            }
        }
        assertThat(Orphans.under(dir)).isEmpty();
    }

    @Test
    void aClosedBrokerRefusesToStartAgain() throws Exception {
        int[] ports = Ports.freePorts(2);
        KafkaBroker broker = KafkaBroker.inDirectory(dir, ports[0], ports[1]);
        broker.close();

        assertThatThrownBy(broker::start).isInstanceOf(IOException.class).hasMessageContaining("being stopped");
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("it.greetings", key, value)).get();
        }
    }

    private static ConsumerRecord<String, String> consumeOne(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("it.greetings"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
            throw new AssertionError("no record within 30 s");
        }
    }
}
