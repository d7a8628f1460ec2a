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
class ChildProcessIT {
    @TempDir
    Path dir;

    @Test
    void aChildThatIgnoresSigtermIsKilledWithItsOwnChildrenAfterTheGracePeriod() throws Exception {
        Path log = dir.resolve("stubborn.log");
        ChildProcess stubborn = ChildProcess.startJava(
                "stubborn", List.of("-cp", testClasses(), StubbornProcess.class.getName()), Map.of(), log);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("stubborn and ready"));
        List<ProcessHandle> family =
                ProcessHandle.of(stubborn.pid()).orElseThrow().descendants().toList();
        assertThat(family).as("the child's own child").isNotEmpty();

        boolean graceful = stubborn.stop(Duration.ofSeconds(1));

        assertThat(graceful).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(family).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void aChildThatHonoursSigtermStopsByItselfAndItsOutputIsLogged() throws Exception {
        Path log = dir.resolve("fake.log");
        int port = Ports.freePorts(1)[0];
        ChildProcess fake = ChildProcess.startJava(
                "fake",
                List.of("-cp", testClasses(), FakeService.class.getName()),
                Map.of("SERVER_PORT", "" + port),
                log);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("fake service listening"));

        boolean graceful = fake.stop(Duration.ofSeconds(10));

        assertThat(graceful).isTrue();
        assertThat(fake.isAlive()).isFalse();
        assertThat(Files.readString(log))
                .startsWith("---- ")
                .contains("starting fake", "SERVER_PORT=" + port, "fake service stopping");
    }

    @Test
    void theChildRunsInASessionOfItsOwnSoATerminalsCtrlCReachesOnlyTheLauncher() throws Exception {
        Path setsid = Path.of("/usr/bin/setsid");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(setsid), "no setsid on this system");
        ChildProcess child = ChildProcess.startJava(
                "sleeper",
                List.of("-cp", testClasses(), StubbornProcess.class.getName()),
                Map.of(),
                dir.resolve("s.log"));
        try {
            long ourSession = session(Files.readString(Path.of("/proc/self/stat")));
            // Read after a moment: until setsid has run its system call the child is still in ours.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(
                                    session(Files.readString(Path.of("/proc/" + child.pid() + "/stat"))))
                            .isEqualTo(child.pid())
                            .isNotEqualTo(ourSession));
        } finally {
            child.stop(Duration.ZERO);
        }
    }

    /** Field 6 of /proc/PID/stat, counted after the command name, which may hold spaces. */
    private static long session(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    private static String testClasses() throws Exception {
        return Path.of(FakeService.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }
}
