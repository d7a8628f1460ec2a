package org.cosmicstock.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The load tool's command line: {@code --name value} pairs, each with a default that suits ./run-local. */
final class LoadArguments {

    static final String USAGE = """
            Usage: LoadTool [options]   (java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \\
                                          org.cosmicstock.benchmarks.LoadTool [options])

            Sends commands to the running suite (./run-local) straight into Kafka, as an outside producer
            would, reads the outcome events back and checks that every Allocate got exactly one outcome.

              --mode allocate|reallocate   allocate: Allocate commands at --rate; reallocate: per SKU two
                                           batches, --lines-per-sku lines allocated, then the first batch
                                           shrunk to 0 so every line moves (default allocate)
              --rate N|max                 commands per second, or max: as fast as --max-backlog allows (200)
              --seconds N                  length of the measured phase (default 30 when --commands is not given)
              --commands N                 or: number of measured commands
              --warmup-seconds N           warm-up at the same rate, left out of the figures (20); in
                                           reallocate mode any value above 0 runs one warm-up round on
                                           separate SKUs (<prefix>-warmup-<n>)
              --skus N                     SKUs named <prefix>-0 .. <prefix>-(N-1) (100)
              --sku-prefix P               (default LOAD-<random>; reuse it with benchmarks/wrk/stock.lua)
              --spread round-robin|random  how commands pick a SKU (round-robin)
              --seed N                     seed of --spread random (1)
              --lines-per-sku N            lines allocated per SKU before measuring (allocate: 0; reallocate:
                                           the lines that move, 100)
              --max-backlog N              commands sent but not answered before sending pauses (5000)
              --report path.json           also write a JSON report
              --timeout-seconds N          the whole run, waiting included, ends by then (300)
              --settle-seconds N           quiet time on the events topic before it counts as drained (5);
                                           while outcomes are missing it waits six times as long
              --connect-timeout-seconds N  to reach the broker and find the topics (10)
              --bootstrap host:port        Kafka (127.0.0.1:9092)
              --commands-topic T           (allocation.commands)
              --events-topic T             (allocation.events)
              --help                       this text

            Exit status: 0 every outcome exactly once; 1 an outcome missing or doubled (or a command not
            sent); 2 bad arguments; 3 broker unreachable or topics missing; 4 timed out before drained.
            """;

    private static final List<String> NAMES = List.of(
            "--mode",
            "--rate",
            "--seconds",
            "--commands",
            "--warmup-seconds",
            "--skus",
            "--sku-prefix",
            "--spread",
            "--seed",
            "--lines-per-sku",
            "--max-backlog",
            "--report",
            "--timeout-seconds",
            "--settle-seconds",
            "--connect-timeout-seconds",
            "--bootstrap",
            "--commands-topic",
            "--events-topic");

    private LoadArguments() {}

    static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /** @throws IllegalArgumentException naming the option at fault */
    static LoadSettings parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (given.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        var mode = choice(given, "--mode", "allocate", LoadSettings.Mode.class);
        String rate = given.getOrDefault("--rate", "200");
        int commands = number(given, "--commands", 0);
        if (given.containsKey("--commands") && commands < 1) {
            throw new IllegalArgumentException("--commands must be at least 1, got " + commands);
        }
        Duration measure = given.containsKey("--seconds") || commands == 0
                ? Duration.ofSeconds(number(given, "--seconds", 30))
                : null;
        String report = given.get("--report");
        return new LoadSettings(
                given.getOrDefault("--bootstrap", "127.0.0.1:9092"),
                given.getOrDefault("--commands-topic", "allocation.commands"),
                given.getOrDefault("--events-topic", "allocation.events"),
                mode,
                given.getOrDefault(
                        "--sku-prefix", "LOAD-" + UUID.randomUUID().toString().substring(0, 8)),
                number(given, "--skus", 100),
                choice(given, "--spread", "round-robin", LoadSettings.Spread.class),
                number(given, "--seed", 1),
                rate.equalsIgnoreCase("max") ? 0 : positive("--rate", rate),
                commands,
                measure,
                Duration.ofSeconds(number(given, "--warmup-seconds", 20)),
                number(given, "--lines-per-sku", mode == LoadSettings.Mode.REALLOCATE ? 100 : 0),
                number(given, "--max-backlog", 5000),
                report == null ? null : Path.of(report),
                Duration.ofSeconds(number(given, "--timeout-seconds", 300)),
                Duration.ofSeconds(number(given, "--settle-seconds", 5)),
                Duration.ofSeconds(number(given, "--connect-timeout-seconds", 10)));
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects a whole number, got '" + value + "'");
        }
    }

    private static int positive(String name, String value) {
        int n;
        try {
            n = number(Map.of(name, value), name, 0);
        } catch (IllegalArgumentException e) {
            n = 0;
        }
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be 'max' or a positive number, got '" + value + "'");
        }
        return n;
    }

    private static <E extends Enum<E>> E choice(
            Map<String, String> given, String name, String fallback, Class<E> type) {
        String value = given.getOrDefault(name, fallback);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of "
                    + List.of(type.getEnumConstants()).stream()
                            .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .toList()
                    + ", got '" + value + "'");
        }
    }
}
