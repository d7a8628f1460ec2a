package org.cosmicstock.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.KafkaException;
import org.cosmicstock.schemas.codec.MessageCodec;

/**
 * Drives the running suite over Kafka, as an outside producer would, and checks what comes back:
 * Allocate commands at a capped or unbounded rate (or a reallocation round), progress every two
 * seconds, one summary line, an optional JSON report, and an exactly-once check of the outcomes
 * once the events topic is drained. {@code --help} lists the options and exit statuses.
 */
public final class LoadTool {

    static final int OK = 0;
    static final int NOT_EXACTLY_ONCE = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int SUITE_UNREACHABLE = 3;
    static final int TIMED_OUT = 4;

    private LoadTool() {}

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (LoadArguments.wantsHelp(args)) {
            out.print(LoadArguments.USAGE);
            return OK;
        }
        LoadSettings s;
        try {
            s = LoadArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("load-tool: " + e.getMessage());
            err.println("load-tool: --help lists the options");
            return BAD_ARGUMENTS;
        }
        Instant startedAt = Instant.now();
        long deadline = System.nanoTime() + s.timeout().toNanos();
        out.println("Load run: " + describe(s));
        Scenario scenario =
                s.mode() == LoadSettings.Mode.REALLOCATE ? new ReallocateScenario(s) : new AllocateScenario(s);
        try (SuiteConnection suite = SuiteConnection.open(s)) {
            LoadDriver driver = new LoadDriver(s, suite, MessageCodec.create(), out, deadline);
            String stopped = null;
            int incomplete = OK;
            try {
                scenario.execute(driver);
            } catch (LoadDriver.DeadlineReached e) {
                stopped = "TIMED OUT after " + s.timeout().toSeconds() + " s";
                incomplete = TIMED_OUT;
            } catch (KafkaException e) {
                err.println("load-tool: Kafka failed during the run: " + e);
                stopped = "STOPPED by a Kafka failure (" + e.getMessage() + ")";
                incomplete = SUITE_UNREACHABLE;
            }
            return conclude(s, startedAt, driver, scenario, stopped, incomplete, out, err);
        } catch (SuiteUnreachableException e) {
            err.println("load-tool: " + e.getMessage());
            return SUITE_UNREACHABLE;
        }
    }

    private static int conclude(
            LoadSettings s,
            Instant startedAt,
            LoadDriver d,
            Scenario scenario,
            String stopped,
            int incomplete,
            PrintStream out,
            PrintStream err) {
        boolean unfinished = stopped != null;
        ExactlyOnceCheck check = ExactlyOnceCheck.of(d.ledger(), s.mode());
        out.println();
        if (d.firstSendError() != null) {
            out.println("Sending failed at least once: " + d.firstSendError());
        }
        if (check.causationMismatches() > 0) {
            out.printf(
                    "Note: %,d outcome(s) did not carry the Allocate's ce_id as ce_causationid%n",
                    check.causationMismatches());
        }
        if (d.redelivered() > 0) {
            out.printf(
                    "Note: %,d event(s) came again with a ce_id already read (the relay publishes at least"
                            + " once, e.g. after a crash); each was counted once%n",
                    d.redelivered());
        }
        if (d.undecodable() > 0) {
            out.printf(
                    "Note: %,d record(s) on %s could not be decoded and were ignored%n",
                    d.undecodable(), s.eventsTopic());
        }
        int exit;
        String verdict;
        if (check.doubled() > 0 || (!unfinished && !check.passed())) {
            exit = NOT_EXACTLY_ONCE;
            verdict = "FAILED: exactly-once violated (" + check.missing()
                    + (unfinished ? " still owed when the run stopped, " : " missing, ") + check.doubled() + " doubled"
                    + (check.sendFailures() > 0 ? ", " + check.sendFailures() + " not sent" : "") + ")";
            check.faults(unfinished).forEach(out::println);
        } else if (unfinished) {
            exit = incomplete;
            verdict = String.format(
                    "%s before %s was drained: %,d outcomes still owed, not judged lost%s",
                    stopped,
                    s.eventsTopic(),
                    d.ledger().owed(),
                    incomplete == TIMED_OUT ? " (raise --timeout-seconds or lower --rate)" : "");
        } else {
            exit = OK;
            verdict = String.format("OK: exactly once (%,d lines)", check.exact());
        }
        String summary = String.format(
                "SUMMARY %s | %s | %s %,d | doubled %,d | %s",
                s.mode().name().toLowerCase(Locale.ROOT),
                scenario.summary(d),
                unfinished ? "still owed" : "missing",
                check.missing(),
                check.doubled(),
                verdict);
        out.println(summary);
        if (s.report() != null) {
            try {
                RunReport.write(
                        s.report(),
                        RunReport.build(s, startedAt, d, scenario, check, !unfinished, verdict, exit, summary));
                out.println("Report: " + s.report().toAbsolutePath());
            } catch (IOException e) {
                err.println("load-tool: could not write the report to " + s.report() + ": " + e.getMessage());
            }
        }
        return exit;
    }

    private static String describe(LoadSettings s) {
        return String.format(
                "mode %s, rate %s, %s, warm-up %d s, %,d SKUs %s-<n> (%s), %,d lines per SKU, broker %s,"
                        + " timeout %d s",
                s.mode().name().toLowerCase(Locale.ROOT),
                s.mode() == LoadSettings.Mode.REALLOCATE ? "n/a" : s.unboundedRate() ? "max" : s.rate() + "/s",
                s.mode() == LoadSettings.Mode.REALLOCATE
                        ? "one round"
                        : s.measure() != null
                                ? s.measure().toSeconds() + " s measured"
                                : s.commands() + " commands measured",
                s.warmup().toSeconds(),
                s.skus(),
                s.skuPrefix(),
                s.spread().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.linesPerSku(),
                s.bootstrap(),
                s.timeout().toSeconds());
    }
}
