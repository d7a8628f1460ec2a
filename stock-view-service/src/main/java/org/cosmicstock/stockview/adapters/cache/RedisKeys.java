package org.cosmicstock.stockview.adapters.cache;

/** The names of the view's keys in Redis, all under one prefix so that several views can share a Redis. */
record RedisKeys(String prefix) {

    String served() {
        return prefix + "generation";
    }

    String building() {
        return prefix + "building";
    }

    /** Every key of every generation starts with this. */
    String generations() {
        return prefix + "g:";
    }

    String positions(String generation) {
        return generations() + generation + ":positions";
    }

    String sku(String generation, String sku) {
        return generations() + generation + ":sku:" + sku;
    }

    /** The generation a key of {@link #generations()} belongs to. */
    String generationOf(String key) {
        String rest = key.substring(generations().length());
        int end = rest.indexOf(':');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
