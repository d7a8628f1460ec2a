package org.cosmicstock.messaging.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker started once per test JVM: a Testcontainers {@code apache/kafka} container where a
 * Docker engine is reachable, the embedded KRaft broker (random ports) otherwise. The switch is the system
 * property {@code cosmicstock.test.containers} or the environment variable {@code COSMICSTOCK_TEST_CONTAINERS}:
 * {@code auto} (default), {@code always} or {@code never}; one log line says which broker is used and why.
 *
 * <p>Also the one reader and topic administration of the tests: topics created with their leaders
 * elected, records read to the end of a topic, end offsets. Methods taking a {@code bootstrap} work on
 * another broker, such as one a test stops.
 */
public final class TestKafka {

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);
    private static final int PARTITIONS = 6;
    private static final Duration LEADERS_PATIENCE = Duration.ofSeconds(60);

    private static String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            Broker broker = start(PARTITIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
            bootstrapServers = broker.bootstrapServers();
        }
        return bootstrapServers;
    }

    /** A broker of the caller's own, which it may stop (closing it) while clients still use it. */
    public interface Broker extends AutoCloseable {
        String bootstrapServers();

        /** Stops the broker; its clients lose it, as when a real one goes away. */
        @Override
        void close();
    }

    /**
     * Starts a broker of the caller's own, not shared with other tests, on the same switch as
     * {@link #bootstrapServers()}: a container where the decision says so, the embedded broker otherwise.
     */
    public static Broker ownBroker(int partitions) {
        return start(partitions);
    }

    private static Broker start(int partitions) {
        Broker broker = Containers.start(
                "kafka",
                "apache/kafka:4.2.1",
                image -> KafkaInContainer.start(image, partitions),
                () -> embedded(partitions));
        LOG.info("Test Kafka at {}", broker.bootstrapServers());
        return broker;
    }

    private static Broker embedded(int partitions) {
        EmbeddedKafkaKraftBroker embedded = new EmbeddedKafkaKraftBroker(1, partitions);
        embedded.afterPropertiesSet();
        return new Running(embedded.getBrokersAsString(), embedded::destroy);
    }

    /** A broker that runs until {@code stop}. */
    private record Running(String bootstrapServers, Runnable stop) implements Broker {
        @Override
        public void close() {
            stop.run();
        }
    }

    /** A unique topic name, so tests sharing the broker never see each other's records. */
    public static String uniqueTopic(String prefix) {
        return prefix + "." + UUID.randomUUID();
    }

    /** Creates {@code topic} on the test broker; see {@link #createTopic(String, String, int)}. */
    public static void createTopic(String topic, int partitions) {
        createTopic(bootstrapServers(), topic, partitions);
    }

    /**
     * Creates {@code topic} and waits until every partition has a leader: a record sent before that can
     * be refused, and the ones after it written ahead of it.
     */
    public static void createTopic(String bootstrap, String topic, int partitions) {
        admin(
                bootstrap,
                "create " + topic,
                admin -> admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all()
                        .get());
        awaitLeaders(bootstrap, topic, partitions);
    }

    /** Grows {@code topic} to {@code partitions} partitions, as an operator would, and waits for their leaders. */
    public static void growTo(String bootstrap, String topic, int partitions) {
        admin(
                bootstrap,
                "grow " + topic,
                admin -> admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions)))
                        .all()
                        .get());
        awaitLeaders(bootstrap, topic, partitions);
    }

    /** Deletes the records of one partition before {@code offset}, as retention would. */
    public static void deleteRecordsBefore(String bootstrap, String topic, int partition, long offset) {
        admin(
                bootstrap,
                "delete records of " + topic,
                admin -> admin.deleteRecords(
                                Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(offset)))
                        .all()
                        .get());
    }

    /** Per partition of {@code topic}, the offset the next record will get. */
    public static Map<Integer, Long> endOffsets(String bootstrap, String topic) {
        Map<String, Object> config =
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> ends.put(p.partition(), offset));
            return ends;
        }
    }

    /** Every record of {@code topic} from the beginning to its current end. */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** See {@link #read(String, int, Predicate, Duration)}, for every record. */
    public static List<ConsumerRecord<String, byte[]>> read(String topic, int count, Duration timeout) {
        return read(topic, count, record -> true, timeout);
    }

    /**
     * Waits until at least {@code count} records of {@code topic} match, then returns every matching
     * record up to the topic's end at that moment, never just the first {@code count}: a test that
     * expects exactly {@code count} sees an extra one that has arrived by then.
     */
    public static List<ConsumerRecord<String, byte[]>> read(
            String topic, int count, Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
        return await(count + " record(s) on " + topic)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(KafkaException.class)
                .until(() -> readToEnd(topic).stream().filter(matching).toList(), found -> found.size() >= count);
    }

    /** Waits until {@code topic} exists with a leader for each of its {@code partitions} partitions. */
    public static void awaitLeaders(String bootstrap, String topic, int partitions) {
        await(topic + " has a leader for each of its " + partitions + " partitions")
                .atMost(LEADERS_PATIENCE)
                .ignoreExceptionsInstanceOf(KafkaException.class)
                .until(() -> endOffsets(bootstrap, topic).size() == partitions);
    }

    private interface AdminCall {
        void run(Admin admin) throws InterruptedException, ExecutionException;
    }

    private static void admin(String bootstrap, String what, AdminCall call) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            call.run(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + what, e);
        }
    }

    // Only this class names Testcontainers' Kafka module, so the embedded path never loads it.
    private static final class KafkaInContainer {
        static Broker start(String image, int partitions) {
            var kafka = new org.testcontainers.kafka.KafkaContainer(image)
                    .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(partitions));
            kafka.start();
            return new Running(kafka.getBootstrapServers(), kafka::stop);
        }
    }
}
