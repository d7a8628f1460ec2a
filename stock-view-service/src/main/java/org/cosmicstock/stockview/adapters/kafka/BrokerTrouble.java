package org.cosmicstock.stockview.adapters.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs that the broker is away once a minute rather than once per retry, and when it is back. */
final class BrokerTrouble {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationEventsReader.class);
    private static final long LOG_EVERY_MS = 60_000;

    private long awaySince;
    private long lastLog;

    void away(String topic, Exception e, long retryMs) {
        long now = System.currentTimeMillis();
        if (awaySince == 0) {
            awaySince = now;
        }
        if (now - lastLog >= LOG_EVERY_MS) {
            lastLog = now;
            LOG.warn(
                    "The broker has not answered for {} s ({}); the view keeps serving what it holds, retrying in {} ms",
                    (now - awaySince) / 1000,
                    e.toString(),
                    retryMs);
        }
    }

    void reachable() {
        if (awaySince != 0) {
            LOG.info("The broker answers again after {} s", (System.currentTimeMillis() - awaySince) / 1000);
            awaySince = 0;
            lastLog = 0;
        }
    }
}
