package org.cosmicstock.messaging.bus;

/**
 * What became of one message of a batch: its handler's outcome, a duplicate of a message applied
 * before (the inbox said so), or a rejection (it can never succeed; nothing of it was applied).
 */
public record Result(Status status, MessageRejected rejection) {

    public enum Status {
        PROCESSED,
        SKIPPED,
        DUPLICATE,
        REJECTED
    }

    public static final Result DUPLICATE = new Result(Status.DUPLICATE, null);

    static Result of(Outcome outcome) {
        return new Result(outcome == Outcome.PROCESSED ? Status.PROCESSED : Status.SKIPPED, null);
    }

    static Result rejected(MessageRejected reason) {
        return new Result(Status.REJECTED, reason);
    }

    public boolean isRejected() {
        return status == Status.REJECTED;
    }
}
