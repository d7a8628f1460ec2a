package org.cosmicstock.localstack;

/** A child that ignores SIGTERM (its shutdown hook never ends) and has a child of its own. */
public final class StubbornProcess {

    private StubbornProcess() {}

    public static void main(String[] args) throws Exception {
        new ProcessBuilder("sleep", "600").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("stubborn and ready");
        Thread.sleep(600_000);
    }
}
