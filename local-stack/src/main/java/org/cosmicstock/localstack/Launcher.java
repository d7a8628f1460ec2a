package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The command behind ./run-local: checks first, starts, reports, then keeps watch until Ctrl-C. */
final class Launcher {
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
     * Says when a part dies on its own: half a stack would only confuse, so the rest is stopped too.
     * Enter prints a status line; stdin is polled, so a launcher without a terminal is not held up.
     */
    private static void watch(LocalStack stack, long upSince) {
        while (true) {
            sleepOneSecond();
            if (enterPressed() && !stack.isClosing()) {
                System.out.print(StackStatus.render(stack, Duration.ofNanos(System.nanoTime() - upSince)));
                System.out.flush();
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
