package org.cosmicstock.stockview.domain;

import java.time.Instant;

/**
 * One event as the reader found it: the partition and offset it was read from (what the view
 * remembers, so that a replayed event is skipped), what it says, and when it was created.
 */
public record PositionedEvent(int partition, long offset, Event event, Instant eventTime) {}
