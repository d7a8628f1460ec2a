package org.cosmicstock.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SkuSpreadTest {

    private static final List<String> SKUS = List.of("S-0", "S-1", "S-2");

    @Test
    void roundRobinTakesEachSkuInTurn() {
        SkuSpread spread = SkuSpread.roundRobin(SKUS);

        assertThat(draw(spread, 7)).containsExactly("S-0", "S-1", "S-2", "S-0", "S-1", "S-2", "S-0");
    }

    @Test
    void randomIsRepeatableFromItsSeedAndCoversEverySku() {
        List<String> first = draw(SkuSpread.random(SKUS, 42), 300);
        List<String> again = draw(SkuSpread.random(SKUS, 42), 300);
        List<String> other = draw(SkuSpread.random(SKUS, 43), 300);

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        Map<String, Long> counts =
                first.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsOnlyKeys(SKUS);
        assertThat(counts.values()).allMatch(n -> n > 50);
    }

    private static List<String> draw(SkuSpread spread, int n) {
        List<String> drawn = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> drawn.add(spread.next()));
        return drawn;
    }
}
