package org.cosmicstock.messaging.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The relay's thread: runs rounds in a loop and waits between them as each round says, until a
 * commit wakes it when idle. Time is its only business; what a round does is {@link OutboxRelay}'s.
 */
final class RelayThread {

    /** One round; returns how long to pause before the next. */
    @FunctionalInterface
    interface Rounds {
        OutboxRelay.Pause round() throws InterruptedException;
    }

    private final Rounds rounds;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    RelayThread(Rounds rounds) {
        this.rounds = rounds;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    boolean running() {
        return running;
    }

    void wake() {
        wakeUp.release();
    }

    private void run() {
        try {
            while (running) {
                OutboxRelay.Pause pause = rounds.round();
                if (pause.untilWoken()) {
                    wakeUp.tryAcquire(pause.duration().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } else if (!pause.duration().isZero()) {
                    Thread.sleep(pause.duration().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the thread and waits for it (at most 10 s); safe to call more than once. */
    void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
