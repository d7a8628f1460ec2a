package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadArgumentsTest {

    @Test
    void defaultsSuitTheLocalStack() {
        LoadSettings s = LoadArguments.parse();

        assertThat(s.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.commandsTopic()).isEqualTo("allocation.commands");
        assertThat(s.eventsTopic()).isEqualTo("allocation.events");
        assertThat(s.mode()).isEqualTo(LoadSettings.Mode.ALLOCATE);
        assertThat(s.rate()).isEqualTo(200);
        assertThat(s.measure()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.commands()).isZero();
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.skus()).isEqualTo(100);
        assertThat(s.skuPrefix()).startsWith("LOAD-");
        assertThat(s.spread()).isEqualTo(LoadSettings.Spread.ROUND_ROBIN);
        assertThat(s.linesPerSku()).isZero();
        assertThat(s.report()).isNull();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void eachRunGetsItsOwnSkusUnlessAPrefixIsGiven() {
        assertThat(LoadArguments.parse().skuPrefix())
                .isNotEqualTo(LoadArguments.parse().skuPrefix());
        LoadSettings s = LoadArguments.parse("--sku-prefix", "BENCH", "--skus", "3");
        assertThat(s.sku(0)).isEqualTo("BENCH-0");
        assertThat(s.sku(2)).isEqualTo("BENCH-2");
    }

    @Test
    void rateMaxMeansUnbounded() {
        LoadSettings s = LoadArguments.parse("--rate", "max");

        assertThat(s.unboundedRate()).isTrue();
        assertThat(s.rate()).isZero();
        assertThat(LoadArguments.parse("--rate", "1500").unboundedRate()).isFalse();
    }

    @Test
    void commandsBoundTheMeasuredPhaseInsteadOfSeconds() {
        LoadSettings s = LoadArguments.parse("--commands", "6000", "--rate", "200", "--timeout-seconds", "90");

        assertThat(s.commands()).isEqualTo(6000);
        assertThat(s.measure()).isNull();
        assertThat(s.plannedSending()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void theReadmeCommandsStillParse() {
        LoadArguments.parse("--skus", "100", "--commands", "6000", "--rate", "200", "--timeout-seconds", "90");
        LoadArguments.parse("--skus", "1000", "--sku-prefix", "BENCH", "--commands", "2000", "--rate", "200");
    }

    @Test
    void everyOptionIsRead() {
        LoadSettings s = LoadArguments.parse(
                "--mode",
                "reallocate",
                "--rate",
                "max",
                "--warmup-seconds",
                "0",
                "--skus",
                "10",
                "--sku-prefix",
                "P",
                "--spread",
                "random",
                "--seed",
                "7",
                "--lines-per-sku",
                "1000",
                "--max-backlog",
                "300",
                "--report",
                "out/r.json",
                "--timeout-seconds",
                "60",
                "--settle-seconds",
                "2",
                "--connect-timeout-seconds",
                "3",
                "--bootstrap",
                "h:1",
                "--commands-topic",
                "c",
                "--events-topic",
                "e");

        assertThat(s.mode()).isEqualTo(LoadSettings.Mode.REALLOCATE);
        assertThat(s.warmup()).isZero();
        assertThat(s.spread()).isEqualTo(LoadSettings.Spread.RANDOM);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.linesPerSku()).isEqualTo(1000);
        assertThat(s.maxBacklog()).isEqualTo(300);
        assertThat(s.report()).isEqualTo(Path.of("out/r.json"));
        assertThat(s.settle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.bootstrap()).isEqualTo("h:1");
        assertThat(s.commandsTopic()).isEqualTo("c");
        assertThat(s.eventsTopic()).isEqualTo("e");
    }

    @Test
    void reallocateModeMovesAHundredLinesPerSkuByDefault() {
        assertThat(LoadArguments.parse("--mode", "reallocate").linesPerSku()).isEqualTo(100);
        assertThatThrownBy(() -> LoadArguments.parse("--mode", "reallocate", "--lines-per-sku", "0"))
                .hasMessageContaining("--lines-per-sku");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> LoadArguments.parse("--rate", "fast")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadArguments.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadArguments.parse("--skus", "0")).hasMessageContaining("--skus");
        assertThatThrownBy(() -> LoadArguments.parse("--skus", "ten")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadArguments.parse("--mode", "sideways")).hasMessageContaining("allocate");
        assertThatThrownBy(() -> LoadArguments.parse("--spread", "even")).hasMessageContaining("round-robin");
        assertThatThrownBy(() -> LoadArguments.parse("--colour", "red")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LoadArguments.parse("--skus")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadArguments.parse("--skus", "--rate", "5")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadArguments.parse("--skus", "1", "--skus", "2"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> LoadArguments.parse("--commands", "0")).hasMessageContaining("--commands");
        assertThatThrownBy(() -> LoadArguments.parse("--sku-prefix", "A B")).hasMessageContaining("--sku-prefix");
        assertThatThrownBy(() -> LoadArguments.parse("--sku-prefix", "x".repeat(130)))
                .hasMessageContaining("--sku-prefix");
    }

    @Test
    void secondsAndCommandsTogetherAreRefused() {
        assertThatThrownBy(() -> LoadArguments.parse("--seconds", "10", "--commands", "100"))
                .hasMessageContaining("either --commands or --seconds");
    }

    @Test
    void aTimeoutShorterThanThePlannedSendingIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> LoadArguments.parse("--seconds", "60", "--timeout-seconds", "70"))
                .hasMessageContaining("--timeout-seconds 70")
                .hasMessageContaining("80 s");
        assertThatThrownBy(() -> LoadArguments.parse("--commands", "6000", "--rate", "100", "--timeout-seconds", "60"))
                .hasMessageContaining("--timeout-seconds 60");
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertThat(LoadArguments.wantsHelp("--skus", "3", "--help")).isTrue();
        assertThat(LoadArguments.wantsHelp("-h")).isTrue();
        assertThat(LoadArguments.wantsHelp("--skus", "3")).isFalse();
        assertThat(LoadArguments.USAGE).contains("--rate N|max", "--lines-per-sku", "--report", "Exit status");
    }
}
