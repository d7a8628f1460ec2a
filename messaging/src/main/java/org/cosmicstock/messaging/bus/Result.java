package org.cosmicstock.messaging.bus;

/**
 * What became of one message of a batch: its handler's outcome, a duplicate of a message applied
 * before (the inbox said so), or INVALID with the rejection (it can never succeed; nothing of it
 * was applied).
 */
public record Result(Outcome outcome, MessageRejected rejection) {

    public static final Result DUPLICATE = new Result(Outcome.DUPLICATE, null);

    static Result of(Outcome outcome) {
        return new Result(outcome, null);
    }

    static Result rejected(MessageRejected reason) {
        return new Result(Outcome.INVALID, reason);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
