package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void wipesWhatTheStackCreatedButKeepsItsClaim() throws Exception {
        Path data = dir.resolve(".local-stack");
        DataDirectory claimed = DataDirectory.claim(data);
        Files.createDirectories(data.resolve("kafka/data"));
        Files.writeString(data.resolve("kafka/data/meta.properties"), "cluster.id=x");
        Files.createDirectories(data.resolve("postgres"));
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("ops-password"), "secret");

        claimed.wipe();

        assertThat(data).isDirectoryContaining(path -> path.endsWith("launcher.lock"));
        assertThat(data.resolve("kafka")).doesNotExist();
        assertThat(data.resolve("postgres")).doesNotExist();
        assertThat(data.resolve("logs")).doesNotExist();
        assertThat(data.resolve("ops-password"))
                .as("--clean starts with a new operator password")
                .doesNotExist();
        assertThat(data.resolve("launcher.lock"))
                .content()
                .isEqualTo("" + ProcessHandle.current().pid());
    }

    @Test
    void refusesADirectoryHoldingSomethingElseInCaseTheFlagWasMistyped() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> DataDirectory.claim(dir).wipe())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Refusing to wipe")
                .hasMessageContaining("thesis.tex");
        assertThat(dir.resolve("thesis.tex")).exists();
        assertThat(dir.resolve("logs")).exists();
    }

    @Test
    void aSecondLauncherOnTheSameDataIsTurnedAwayWithTheFirstOnesPid() throws Exception {
        Path data = dir.resolve("shared");
        DataDirectory first = DataDirectory.claim(data);

        assertThatThrownBy(() -> DataDirectory.claim(data))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Another local stack (launcher pid "
                        + ProcessHandle.current().pid() + ") is running on " + data)
                .hasMessageContaining("--data-dir");
        assertThat(first).isNotNull();
    }
}
