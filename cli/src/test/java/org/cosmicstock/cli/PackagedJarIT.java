package org.cosmicstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cosmicstock.messaging.testing.TestKafka;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.Test;

/** The documented way to run it: {@code java -jar cli/target/cosmic-stock-cli.jar}, its libraries beside it. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "cosmic-stock-cli.jar");

    @Test
    void theJarRunsOnItsOwnAndSendsACommand() throws Exception {
        String topic = TestKafka.uniqueTopic("cli.jar");
        TestKafka.createTopic(topic, 3);

        Result run = java(CliRun.words("create-batch --ref batch-001 --sku SMALL-TABLE --qty 20 --topic " + topic
                + " --bootstrap-servers " + TestKafka.bootstrapServers()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Sent CreateBatch to " + topic);
        assertThat(run.err()).as("no logging noise").isEmpty();
        List<ConsumerRecord<String, byte[]>> records = TestKafka.read(topic, 1, Duration.ofSeconds(30));
        assertThat(MessageCodec.create().decode(records.get(0).value()))
                .isEqualTo(new CreateBatch("batch-001", "SMALL-TABLE", 20, null));
    }

    @Test
    void aBadOptionIsExitStatusTwoWithUsageOnStderr() throws Exception {
        Result run = java("allocate", "--sku", "S");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options").contains("Usage: cosmic-stock allocate");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void versionAndHelpAnswer() throws Exception {
        Result version = java("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("cosmic-stock 0.1.0");
        Result help = java("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("create-batch", "allocate", "change-batch-quantity", "tail", "redrive");
    }

    private record Result(int exit, String out, String err) {}

    private static Result java(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("built by the package phase").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The client did not finish in 120 s: " + command);
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
