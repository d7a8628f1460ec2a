package org.cosmicstock.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one load run does and how long it may take. Built by {@link LoadArguments}; every value is
 * checked here so that a bad combination fails before anything is sent.
 *
 * @param rate commands per second; 0 means unbounded (as fast as the backlog cap lets)
 * @param commands measured commands to send; 0 when the measured phase is bounded by {@code measure}
 * @param measure how long the measured phase sends; null when it is bounded by {@code commands}
 * @param report where to write the JSON report; null for none
 */
record LoadSettings(
        String bootstrap,
        String commandsTopic,
        String eventsTopic,
        Mode mode,
        String skuPrefix,
        int skus,
        Spread spread,
        long seed,
        int rate,
        int commands,
        Duration measure,
        Duration warmup,
        int linesPerSku,
        int maxBacklog,
        Path report,
        Duration timeout,
        Duration settle,
        Duration connectTimeout) {

    /** The suite's own limits: ids and SKUs at most 128 characters, qty at most 1,000,000. */
    static final int MAX_ID_LENGTH = 128;

    static final int MAX_QTY = 1_000_000;

    static final int MAX_RATE = 1_000_000;

    enum Mode {
        ALLOCATE,
        REALLOCATE
    }

    enum Spread {
        ROUND_ROBIN,
        RANDOM
    }

    LoadSettings {
        require(!bootstrap.isBlank(), "--bootstrap must not be blank");
        require(skus >= 1, "--skus must be at least 1, got " + skus);
        require(rate >= 0 && rate <= MAX_RATE, "--rate must be 'max' or 1.." + MAX_RATE + ", got " + rate);
        require((commands > 0) != (measure != null), "give either --commands or --seconds, not both");
        require(measure == null || measure.toMillis() >= 1000, "--seconds must be at least 1");
        require(!warmup.isNegative(), "--warmup-seconds must not be negative");
        require(linesPerSku >= 0, "--lines-per-sku must not be negative");
        require(
                mode != Mode.REALLOCATE || linesPerSku >= 1,
                "--mode reallocate needs --lines-per-sku of at least 1 (the lines that move)");
        require(
                (long) skus * linesPerSku <= 10_000_000L,
                "--skus x --lines-per-sku is more than 10,000,000 lines: too many to track");
        require(linesPerSku < MAX_QTY, "--lines-per-sku must be below " + MAX_QTY + " (a batch's largest quantity)");
        require(maxBacklog >= 1, "--max-backlog must be at least 1");
        require(!settle.isNegative() && !settle.isZero(), "--settle-seconds must be positive");
        require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "--connect-timeout-seconds must be positive");
        require(!timeout.isNegative() && !timeout.isZero(), "--timeout-seconds must be positive");
        int longestPrefix =
                MAX_ID_LENGTH - "-warmup-".length() - String.valueOf(skus).length();
        require(
                !skuPrefix.isEmpty()
                        && skuPrefix.length() <= longestPrefix
                        && skuPrefix.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)),
                "--sku-prefix must be 1.." + longestPrefix + " characters without whitespace, got '" + skuPrefix + "'");
        // Fields are not assigned until the compact constructor ends: pass the parameters, not this.
        Duration planned = plannedSending(mode, rate, commands, measure, warmup);
        if (planned != null) {
            require(
                    planned.compareTo(timeout) < 0,
                    "--timeout-seconds " + timeout.toSeconds() + " leaves no time to wait for outcomes: warm-up and"
                            + " measured phase alone take " + planned.toSeconds() + " s");
        }
    }

    boolean unboundedRate() {
        return rate == 0;
    }

    /** The SKU of index {@code n}: the names an HTTP load (benchmarks/wrk/stock.lua) asks for too. */
    String sku(int n) {
        return skuPrefix + "-" + n;
    }

    /** Warm-up plus measured sending time, when the settings fix it; null when only the suite's speed does. */
    Duration plannedSending() {
        return plannedSending(mode, rate, commands, measure, warmup);
    }

    private static Duration plannedSending(Mode mode, int rate, int commands, Duration measure, Duration warmup) {
        if (mode == Mode.REALLOCATE) {
            return null;
        }
        if (measure != null) {
            return warmup.plus(measure);
        }
        return rate == 0 ? null : warmup.plusMillis(commands * 1000L / rate);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
