package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void showsOnlyTheLastLinesOfALargeLog() throws Exception {
        Path log = dir.resolve("kafka.log");
        Files.writeString(
                log,
                IntStream.rangeClosed(1, 100_000)
                        .mapToObj(i -> "line " + i)
                        .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.last(log, 3)).isEqualTo("line 99998\nline 99999\nline 100000");
    }

    @Test
    void explainsAFailureWithTheIndentedEndOfTheLog() throws Exception {
        Path log = dir.resolve("orders-service.log");
        Files.writeString(log, "starting\nCaused by: Connection refused\n");

        assertThat(LogTail.explain("orders-service exited with code 1 while starting.", log))
                .isEqualTo("orders-service exited with code 1 while starting.\n"
                        + "Last 30 lines of " + log + ":\n"
                        + "    starting\n"
                        + "    Caused by: Connection refused\n");
    }

    @Test
    void aMissingLogIsSaidToBeEmpty() {
        assertThat(LogTail.explain("It failed.", dir.resolve("none.log"))).endsWith("    (empty)\n");
    }
}
