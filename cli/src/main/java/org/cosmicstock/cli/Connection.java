package org.cosmicstock.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the broker is and how to reach it, as Kafka's own tools take it. */
final class Connection {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            defaultValue = "127.0.0.1:9092",
            description = "the Kafka brokers (default: ${DEFAULT-VALUE}, the local stack's)")
    String bootstrapServers;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description = "client properties (security.protocol, sasl.*, ssl.*, ...) for the producer and"
                    + " consumer, as Kafka's tools take them")
    Path commandConfig;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "how long to wait for the broker (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = common();
        int millis = (int) timeout().toMillis();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        withCommandConfig(config);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer without a group: it assigns itself partitions and commits nothing. */
    KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = common();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
        withCommandConfig(config);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends and waits for the broker's acknowledgement, turning every failure into one line. */
    RecordMetadata send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(timeout().toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ClientFailure(
                    "could not write to " + record.topic() + " at " + bootstrapServers + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new ClientFailure("no acknowledgement from " + bootstrapServers + " in " + timeoutSeconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientFailure("interrupted while sending", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ClientFailure("could not write to " + record.topic() + " at " + bootstrapServers + ": " + e, e);
        }
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "cosmic-stock-cli");
        return config;
    }

    /** The file's settings over the defaults; --bootstrap-servers, when given, over the file's. */
    private void withCommandConfig(Map<String, Object> config) {
        config.putAll(commandConfig());
        if (spec.commandLine().getParseResult().hasMatchedOption("--bootstrap-servers")) {
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        bootstrapServers = String.valueOf(config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    private Map<String, Object> commandConfig() {
        Map<String, Object> config = new HashMap<>();
        if (commandConfig == null) {
            return config;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--command-config: cannot read " + commandConfig + ": " + e.getMessage());
        }
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        return config;
    }
}
