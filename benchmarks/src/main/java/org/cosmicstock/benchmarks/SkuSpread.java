package org.cosmicstock.benchmarks;

import java.util.List;
import java.util.Random;

/** Picks the SKU of each command: in turn, or at random from a seed so that a run can be repeated. */
final class SkuSpread {

    private final List<String> skus;
    private final Random random;
    private int next;

    private SkuSpread(List<String> skus, Random random) {
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("no SKUs to spread commands over");
        }
        this.skus = List.copyOf(skus);
        this.random = random;
    }

    static SkuSpread roundRobin(List<String> skus) {
        return new SkuSpread(skus, null);
    }

    static SkuSpread random(List<String> skus, long seed) {
        return new SkuSpread(skus, new Random(seed));
    }

    static SkuSpread of(LoadSettings.Spread spread, List<String> skus, long seed) {
        return spread == LoadSettings.Spread.RANDOM ? random(skus, seed) : roundRobin(skus);
    }

    String next() {
        if (random != null) {
            return skus.get(random.nextInt(skus.size()));
        }
        String sku = skus.get(next);
        next = (next + 1) % skus.size();
        return sku;
    }
}
