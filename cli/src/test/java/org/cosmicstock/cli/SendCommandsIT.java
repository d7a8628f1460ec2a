package org.cosmicstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cosmicstock.messaging.bus.Traceparent;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.testing.Ports;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each command the client sends, read back from a real broker: the payload decoded by the suite's codec, the key
 * the contract says (the SKU), and every CloudEvents header the suite's own producers write.
 */
class SendCommandsIT {

    private static final String BOOTSTRAP = TestKafka.bootstrapServers();
    private static final MessageCodec CODEC = MessageCodec.create();

    @Test
    void createBatchIsACreateBatchKeyedBySkuWithTheCloudEventsHeaders() {
        String topic = topic("create-batch");
        CliRun run = CliRun.sending(
                BOOTSTRAP, topic, "create-batch --ref batch-001 --sku SMALL-TABLE --qty 20 --eta 2026-12-24");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ConsumerRecord<String, byte[]> record = theOnlyRecordOf(topic);
        assertThat(record.key()).isEqualTo("SMALL-TABLE");
        assertThat(record.value()[0]).as("single-object encoding by default").isEqualTo((byte) 0xC3);
        assertThat(CODEC.decode(record.value()))
                .isEqualTo(new CreateBatch("batch-001", "SMALL-TABLE", 20, LocalDate.of(2026, 12, 24)));
        String id = assertCloudEventHeaders(record, "org.cosmicstock.schemas.commands.CreateBatch", "application/avro");
        assertThat(run.out()).contains("Sent CreateBatch to " + topic).contains("ce_id " + id);
    }

    @Test
    void createBatchWithoutEtaIsInTheWarehouse() {
        String topic = topic("create-batch-no-eta");
        CliRun run = CliRun.sending(BOOTSTRAP, topic, "create-batch --ref b-2 --sku LAMP --qty 5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(CODEC.decode(theOnlyRecordOf(topic).value())).isEqualTo(new CreateBatch("b-2", "LAMP", 5, null));
    }

    @Test
    void allocateIsKeyedBySkuAndCarriesTheGivenId() {
        String topic = topic("allocate");
        CliRun run = CliRun.sending(
                BOOTSTRAP,
                topic,
                "allocate --order-id order-1 --sku SMALL-TABLE --qty 3 --id my-first-allocate --source /procurement");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ConsumerRecord<String, byte[]> record = theOnlyRecordOf(topic);
        assertThat(record.key()).isEqualTo("SMALL-TABLE");
        assertThat(CODEC.decode(record.value())).isEqualTo(new Allocate("order-1", "SMALL-TABLE", 3));
        assertThat(assertCloudEventHeaders(record, "org.cosmicstock.schemas.commands.Allocate", "application/avro"))
                .isEqualTo("my-first-allocate");
        assertThat(CloudEventHeaders.text(record.headers(), CloudEventHeaders.SOURCE))
                .isEqualTo("/procurement");
    }

    @Test
    void changeBatchQuantityIsKeyedBySkuWhenGivenElseByRef() {
        String topic = topic("change");
        CliRun withSku =
                CliRun.sending(BOOTSTRAP, topic, "change-batch-quantity --ref batch-001 --qty 0 --sku SMALL-TABLE");
        CliRun withoutSku = CliRun.sending(BOOTSTRAP, topic, "change-batch-quantity --ref batch-002 --qty 7");

        assertThat(withSku.exitCode()).as(withSku.err()).isZero();
        assertThat(withoutSku.exitCode()).as(withoutSku.err()).isZero();
        List<ConsumerRecord<String, byte[]>> records = TestKafka.read(topic, 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> keyedBySku = records.stream()
                .filter(r -> r.key().equals("SMALL-TABLE"))
                .findFirst()
                .orElseThrow();
        ConsumerRecord<String, byte[]> keyedByRef = records.stream()
                .filter(r -> r.key().equals("batch-002"))
                .findFirst()
                .orElseThrow();
        assertThat(CODEC.decode(keyedBySku.value())).isEqualTo(new ChangeBatchQuantity("batch-001", 0, "SMALL-TABLE"));
        assertThat(CODEC.decode(keyedByRef.value())).isEqualTo(new ChangeBatchQuantity("batch-002", 7, null));
        assertCloudEventHeaders(keyedBySku, "org.cosmicstock.schemas.commands.ChangeBatchQuantity", "application/avro");
        assertCloudEventHeaders(keyedByRef, "org.cosmicstock.schemas.commands.ChangeBatchQuantity", "application/avro");
    }

    @Test
    void theRegistryFormatCarriesTheRegisteredSchemaId() {
        String topic = topic("registry");
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            // Registered as delivery does (RegisterSchemas): the released versions, the current one last.
            List<org.apache.avro.Schema> released =
                    ReleasedSchemas.load().versionsOf("org.cosmicstock.schemas.commands.Allocate");
            int id = -1;
            for (org.apache.avro.Schema version : released) {
                id = registry.add("org.cosmicstock.schemas.commands.Allocate", version);
            }
            CliRun run = CliRun.sending(
                    BOOTSTRAP,
                    topic,
                    "allocate --format registry --registry-url " + registry.url()
                            + " --order-id order-9 --sku DESK --qty 2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            ConsumerRecord<String, byte[]> record = theOnlyRecordOf(topic);
            assertThat(record.key()).isEqualTo("DESK");
            assertThat(record.value()[0]).isZero();
            assertThat(((record.value()[1] & 0xFF) << 24)
                            | ((record.value()[2] & 0xFF) << 16)
                            | ((record.value()[3] & 0xFF) << 8)
                            | (record.value()[4] & 0xFF))
                    .isEqualTo(id);
            MessageCodec reader =
                    MessageCodec.withRegistry(RegistryClient.connect(registry.url()), SubjectNameStrategy.RECORD_NAME);
            assertThat(reader.decode(record.value())).isEqualTo(new Allocate("order-9", "DESK", 2));
            assertCloudEventHeaders(
                    record, "org.cosmicstock.schemas.commands.Allocate", "application/avro; format=schema-registry");
        }
    }

    @Test
    void aSchemaTheRegistryDoesNotHaveIsRefusedAndNothingIsSent() {
        String topic = topic("registry-missing");
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            CliRun run = CliRun.sending(
                    BOOTSTRAP, topic, "create-batch --registry-url " + registry.url() + " --ref b --sku S --qty 1");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("org.cosmicstock.schemas.commands.CreateBatch");
            assertThat(run.out()).isEmpty();
        }
        assertThat(TestKafka.readToEnd(topic)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "no --qty                  | create-batch --ref b --sku S                                  | --qty",
                "qty 0 for a new batch     | create-batch --ref b --sku S --qty 0                          | --qty must be between 1 and 1000000",
                "qty over the limit        | allocate --order-id o --sku S --qty 1000001                   | --qty must be between 1 and 1000000",
                "qty not a number          | allocate --order-id o --sku S --qty three                     | --qty",
                "negative quantity change  | change-batch-quantity --ref b --qty -1                        | --qty must be between 0 and 1000000",
                "a SKU with a space        | allocate --order-id o --sku 'A B' --qty 1                     | --sku must not contain",
                "an empty order id         | allocate --order-id '' --sku S --qty 1                        | --order-id must not be empty",
                "an eta that is no date    | create-batch --ref b --sku S --qty 1 --eta 24/12/2026         | --eta must be a date as YYYY-MM-DD",
                "an unknown format         | create-batch --ref b --sku S --qty 1 --format json            | --format must be single-object or registry",
                "registry without a URL    | create-batch --ref b --sku S --qty 1 --format registry        | --format registry needs --registry-url",
                "a registry URL no URL     | create-batch --ref b --sku S --qty 1 --registry-url ftp:nope  | --registry-url",
                "an unknown option         | allocate --order-id o --sku S --qty 1 --colour red            | Unknown option",
                "a zero timeout            | allocate --order-id o --sku S --qty 1 --timeout 0             | --timeout must be at least 1 second",
                "a missing config file     | allocate --order-id o --sku S --qty 1 --command-config /nope  | --command-config: cannot read /nope",
            })
    void aBadCommandLineIsExitStatusTwoWithTheReasonAndUsageOnStderrAndSendsNothing(
            String what, String commandLine, String reason) {
        String topic = topic("bad");
        CliRun run = CliRun.sending(BOOTSTRAP, topic, commandLine);

        assertThat(run.exitCode()).as(what + ": " + run.err()).isEqualTo(2);
        assertThat(run.err()).as(what).contains(reason).contains("Usage: cosmic-stock ");
        assertThat(run.out()).as(what).isEmpty();
        assertThat(TestKafka.readToEnd(topic)).as(what).isEmpty();
    }

    @Test
    void noCommandIsExitStatusTwo() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command").contains("Usage: cosmic-stock");
    }

    @Test
    void helpIsExitStatusZeroOnStdout() {
        CliRun run = CliRun.of("create-batch", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--ref", "--sku", "--qty", "--eta", "--format", "--registry-url");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBrokerThatIsNotThereIsExitStatusOneSayingSo() {
        String nowhere = "127.0.0.1:" + Ports.free();
        CliRun run = CliRun.of(
                CliRun.words("allocate --order-id o --sku S --qty 1 --bootstrap-servers " + nowhere + " --timeout 2"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cosmic-stock allocate: ").contains(nowhere);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theCommandConfigFileIsUsedForTheConnection() throws Exception {
        String topic = topic("command-config");
        java.nio.file.Path config = java.nio.file.Files.createTempFile("client", ".properties");
        // The file names the broker; the command line does not: the file's setting is the one used.
        java.nio.file.Files.writeString(config, "bootstrap.servers=" + BOOTSTRAP + "\nclient.id=from-the-file\n");
        CliRun run = CliRun.of(
                CliRun.words("allocate --topic " + topic + " --order-id o --sku S --qty 1 --command-config " + config));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(theOnlyRecordOf(topic).key()).isEqualTo("S");
    }

    /** Checks the headers the contract lists, each once; returns ce_id. */
    private static String assertCloudEventHeaders(
            ConsumerRecord<String, byte[]> record, String type, String contentType) {
        List<String> names = new ArrayList<>();
        for (Header header : record.headers()) {
            names.add(header.key());
        }
        assertThat(names)
                .containsExactlyInAnyOrder(
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.ID,
                        CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE,
                        CloudEventHeaders.TIME,
                        CloudEventHeaders.CORRELATION_ID,
                        CloudEventHeaders.CONTENT_TYPE,
                        CloudEventHeaders.TRACEPARENT);
        String id = text(record, CloudEventHeaders.ID);
        assertThat(text(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(id).isNotBlank();
        assertThat(text(record, CloudEventHeaders.TYPE)).isEqualTo(type);
        assertThat(text(record, CloudEventHeaders.SOURCE)).startsWith("/");
        assertThat(Instant.parse(text(record, CloudEventHeaders.TIME)))
                .isBetween(Instant.now().minusSeconds(600), Instant.now());
        assertThat(text(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo(id);
        assertThat(text(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo(contentType);
        assertThat(Traceparent.isValid(text(record, CloudEventHeaders.TRACEPARENT)))
                .isTrue();
        return id;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> theOnlyRecordOf(String topic) {
        List<ConsumerRecord<String, byte[]>> records = TestKafka.read(topic, 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String topic(String name) {
        String topic = TestKafka.uniqueTopic("cli." + name);
        TestKafka.createTopic(topic, 3);
        return topic;
    }
}
