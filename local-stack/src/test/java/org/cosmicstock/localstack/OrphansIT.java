package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OrphansIT {
    @TempDir
    Path dir;

    @Test
    void findsTheJvmsALauncherLeftBehindAndLeavesAUsersTailAlone() throws Exception {
        Path log = dir.resolve("logs/stubborn.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        String classpath = Path.of(StubbornProcess.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        ChildProcess orphan = ChildProcess.startJava(
                "orphan",
                List.of("-Dlocal-stack.log=" + log, "-cp", classpath, StubbornProcess.class.getName()),
                Map.of(),
                log);
        Process tail = new ProcessBuilder("tail", "-f", log.toString()).start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.readString(log).contains("stubborn and ready"));
            assertThat(Orphans.under(dir)).extracting(ProcessHandle::pid).containsExactly(orphan.pid());

            List<ProcessHandle> itsChildren =
                    ProcessHandle.of(orphan.pid()).orElseThrow().descendants().toList();

            Orphans.stop(Orphans.under(dir), Duration.ofSeconds(1));

            assertThat(orphan.isAlive()).isFalse();
            assertThat(itsChildren).isNotEmpty().noneMatch(ProcessHandle::isAlive);
            assertThat(Orphans.under(dir)).isEmpty();
            assertThat(tail.isAlive()).isTrue();
        } finally {
            tail.destroyForcibly();
            orphan.stop(Duration.ZERO);
        }
    }
}
