package org.cosmicstock.benchmarks;

import java.time.Duration;

/** The bounds of a load run; every one has a default that suits the local stack. */
record LoadSettings(
        String bootstrap,
        String commandsTopic,
        String eventsTopic,
        String skuPrefix,
        int skus,
        int commands,
        int rate,
        Duration timeout) {

    static final String USAGE = """
            Usage: load-tool [--bootstrap 127.0.0.1:9092] [--skus 100] [--sku-prefix LOAD-<random>]
                             [--commands 20000] [--rate 2000]
                             [--timeout-seconds 120] [--commands-topic allocation.commands] [--events-topic allocation.events]
            """;

    LoadSettings {
        if (skus < 1 || commands < 1 || rate < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("skus, commands, rate and timeout must be positive\n" + USAGE);
        }
    }

    static LoadSettings parse(String... args) {
        String bootstrap = "127.0.0.1:9092";
        String commandsTopic = "allocation.commands";
        String eventsTopic = "allocation.events";
        String skuPrefix = "LOAD-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        int skus = 100;
        int commands = 20_000;
        int rate = 2_000;
        long timeoutSeconds = 120;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + args[i] + "\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = value;
                case "--commands-topic" -> commandsTopic = value;
                case "--events-topic" -> eventsTopic = value;
                case "--sku-prefix" -> skuPrefix = value;
                case "--skus" -> skus = Integer.parseInt(value);
                case "--commands" -> commands = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--timeout-seconds" -> timeoutSeconds = Long.parseLong(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new LoadSettings(
                bootstrap,
                commandsTopic,
                eventsTopic,
                skuPrefix,
                skus,
                commands,
                rate,
                Duration.ofSeconds(timeoutSeconds));
    }
}
