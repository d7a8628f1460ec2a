package org.cosmicstock.stockview.bootstrap;

import org.cosmicstock.stockview.adapters.kafka.AllocationEventsReader;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the events reader on its own thread for as long as the application runs. Public for the
 * tests' {@code ReaderUnderTest}, which runs a reader the same way.
 */
public final class ReaderLifecycle implements SmartLifecycle {

    private final AllocationEventsReader reader;
    private Thread thread;

    public ReaderLifecycle(AllocationEventsReader reader) {
        this.reader = reader;
    }

    @Override
    public synchronized void start() {
        thread = new Thread(reader, "allocation-events-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        reader.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
