package org.cosmicstock.localstack;

import java.io.PrintStream;

/**
 * One line per start-up step: "[1/5] Kafka broker  formatting storage... started in 4.1 s"; "[+]" for a
 * part started later (steps 0).
 */
final class Progress {
    private final PrintStream out;
    private final int steps;
    private int step;
    private long stepStarted;
    private boolean lineOpen;

    Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    void begin(String what) {
        step++;
        stepStarted = System.nanoTime();
        String counter = steps == 0 ? "[+]" : String.format("[%d/%d]", step, steps);
        out.printf("%s %-22s", counter, what);
        out.flush();
        lineOpen = true;
    }

    void note(String doing) {
        out.print(doing + "... ");
        out.flush();
    }

    void done(String detail) {
        out.printf("started in %.1f s%s%n", Seconds.since(stepStarted), detail.isEmpty() ? "" : ", " + detail);
        lineOpen = false;
    }

    void failed() {
        if (lineOpen) {
            out.println("FAILED");
            lineOpen = false;
        }
    }
}
