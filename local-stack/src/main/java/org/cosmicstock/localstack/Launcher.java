package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command behind ./run-local: checks first, starts, reports, then keeps watch until Ctrl-C. */
final class Launcher {

    private static final int MAX_RESTARTS = 3;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(5);
    private static final Duration RESTART_READY_TIMEOUT = Duration.ofMinutes(2);

    /** Held for the JVM's lifetime: a collected lock channel would release the lock. */
    private static DataDirectory claimed;

    private Launcher() {}

    static void run(String[] args) {
        quietLibraryLogging();
        StackConfig config;
        try {
            config = StackConfig.parse(Path.of(""), args);
        } catch (UsageException e) {
            if (e.helpRequested()) {
                System.out.print(Usage.TEXT);
                return;
            }
            System.err.printf("run-local: %s%n%n%s", e.getMessage(), Usage.TEXT);
            System.exit(2);
            return;
        }
        try {
            claimed = DataDirectory.claim(config.dataDir());
            stopOrphans(config.dataDir());
            Optional<String> problem = LocalStack.preflight(config);
            if (problem.isPresent()) {
                throw new StartupException(problem.get());
            }
            if (config.clean()) {
                claimed.wipe();
                System.out.println("Wiped " + config.dataDir());
            }
        } catch (IOException | StartupException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        LocalStack stack = new LocalStack(config, System.out);
        // Runs on Ctrl-C, SIGTERM and a closed terminal, also while start() is still busy.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            stack.start();
        } catch (IOException | SQLException | StartupException | RuntimeException e) {
            failAndExit(stack, e);
        }
        System.out.print(StackSummary.render(stack));
        System.out.flush();
        watch(stack, System.nanoTime());
    }

    /** Nothing else can hold the data directory's lock, so these outlived a launcher that was killed. */
    private static void stopOrphans(Path dataDir) {
        List<ProcessHandle> orphans = Orphans.under(dataDir);
        if (!orphans.isEmpty()) {
            System.out.println("Stopping processes an earlier run on " + dataDir + " left behind:");
            orphans.forEach(orphan -> System.out.println("  " + Orphans.describe(orphan)));
            Orphans.stop(orphans, Duration.ofSeconds(20));
        }
    }

    /**
     * A service instance that dies on its own (a crash, a {@code kill -9}) is started again on the same
     * ports, as an orchestrator would, so that the suite's recovery can be watched by hand; one that
     * keeps dying, or any other part that dies, is explained and the rest is stopped too: half a
     * stack would only confuse. Enter prints a status line; stdin is polled, so a launcher without a
     * terminal is not held up.
     */
    private static void watch(LocalStack stack, long upSince) {
        Restarts restarts = new Restarts();
        while (true) {
            sleepOneSecond();
            if (enterPressed() && !stack.isClosing()) {
                System.out.print(StackStatus.render(stack, Duration.ofNanos(System.nanoTime() - upSince)));
                System.out.flush();
            }
            for (ServiceProcess instance : stack.services()) {
                if (instance.exitedUnexpectedly() && !stack.isClosing() && restarts.allow(instance.label())) {
                    restart(instance);
                }
            }
            Optional<String> exit = stack.unexpectedExit();
            if (exit.isPresent() && !stack.isClosing()) {
                System.err.println();
                System.err.println(exit.get());
                stack.close();
                System.exit(1);
            }
        }
    }

    private static void restart(ServiceProcess instance) {
        System.out.println();
        System.out.println(LogTail.explain(
                instance.label() + " stopped unexpectedly; starting it again on the same ports.", instance.logFile()));
        long started = System.nanoTime();
        try {
            instance.start();
            instance.awaitReady(RESTART_READY_TIMEOUT);
            System.out.printf(
                    "%s ready again in %.1f s, pid %d%n",
                    instance.label(), (System.nanoTime() - started) / 1e9, instance.pid());
        } catch (IOException | StartupException e) {
            // Left dead: the next round reports it and stops the stack.
            System.out.println(instance.label() + " could not be started again: " + e.getMessage());
        }
        System.out.flush();
    }

    /** At most {@value #MAX_RESTARTS} restarts of one instance in {@link #RESTART_WINDOW}: a crash loop is stopped. */
    private static final class Restarts {
        private final Map<String, Deque<Long>> times = new HashMap<>();

        boolean allow(String label) {
            long now = System.nanoTime();
            Deque<Long> recent = times.computeIfAbsent(label, l -> new ArrayDeque<>());
            while (!recent.isEmpty() && now - recent.peekFirst() > RESTART_WINDOW.toNanos()) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX_RESTARTS) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    private static boolean enterPressed() {
        try {
            int available = System.in.available();
            if (available <= 0) {
                return false;
            }
            byte[] typed = System.in.readNBytes(available);
            return new String(typed, StandardCharsets.UTF_8).contains("\n");
        } catch (IOException noInput) {
            return false;
        }
    }

    private static void failAndExit(LocalStack stack, Exception e) {
        if (stack.isClosing()) {
            // A Ctrl-C during start-up: the shutdown hook is stopping everything and will end the JVM.
            while (true) {
                sleepOneSecond();
            }
        }
        System.err.println();
        System.err.println(e instanceof StartupException ? e.getMessage() : "Start-up failed: " + e);
        stack.close();
        System.exit(1);
    }

    // Set before any logger exists: slf4j-simple reads them once. Library chatter hides the progress lines.
    private static void quietLibraryLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
