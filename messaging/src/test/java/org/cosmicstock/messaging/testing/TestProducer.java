package org.cosmicstock.messaging.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.schemas.codec.MessageCodec;

/**
 * The tests' one producer to the shared broker of {@link TestKafka}, closed when the test JVM exits: what a
 * test sends, as another service or an outsider would, each send waited for until the broker has it.
 */
public final class TestProducer {

    private static final MessageCodec CODEC = MessageCodec.create();
    private static KafkaProducer<String, byte[]> producer;

    private TestProducer() {}

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-producer-close"));
        }
        return producer;
    }

    /** Sends {@code record} as it is. */
    public static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted sending to " + record.topic(), e);
        } catch (Exception e) {
            throw new AssertionError("Could not send to " + record.topic(), e);
        }
    }

    /** Sends {@code value} as it is (bytes that may break the contract), with no headers. */
    public static void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends {@code value} as it is, with only the CloudEvents id a consumer's inbox deduplicates on. */
    public static void send(String topic, Integer partition, String key, byte[] value, String id) {
        var record = new ProducerRecord<>(topic, partition, key, value);
        record.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /**
     * Publishes {@code message} as a service of the suite would: encoded in the default wire format, with the
     * CloudEvents headers of a new flow from {@code source} (e.g. {@code /allocation-service}).
     */
    public static void publish(String topic, String key, SpecificRecord message, String source) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, CODEC.encode(message));
        CloudEventHeaders.write(
                record.headers(),
                MessageContext.newFlow(source),
                MessageCodec.typeName(message),
                Instant.now(),
                CODEC.contentType());
        send(record);
    }
}
