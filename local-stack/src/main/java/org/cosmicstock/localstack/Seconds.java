package org.cosmicstock.localstack;

/** Elapsed time as the progress lines show it. */
final class Seconds {

    private Seconds() {}

    static double since(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
