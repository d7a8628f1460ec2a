package org.cosmicstock.messaging.config;

import java.util.List;
import org.cosmicstock.messaging.kafka.BatchConsumer;
import org.springframework.context.SmartLifecycle;

/** Starts every consumer group once the application is up, and stops them first on the way down. */
final class ConsumersLifecycle implements SmartLifecycle {

    private final List<BatchConsumer> consumers;
    private volatile boolean running;

    ConsumersLifecycle(List<BatchConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public void start() {
        consumers.forEach(BatchConsumer::start);
        running = true;
    }

    @Override
    public void stop() {
        consumers.forEach(BatchConsumer::close);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // Late to start (after the web server and the relay), early to stop.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
