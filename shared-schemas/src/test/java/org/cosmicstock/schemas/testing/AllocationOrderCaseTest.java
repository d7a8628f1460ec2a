package org.cosmicstock.schemas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table itself: read whole, and each case's answer one of its own batches. */
class AllocationOrderCaseTest {

    private final List<AllocationOrderCase> cases = AllocationOrderCase.all();

    @Test
    void readsEveryCaseWithItsBatchesInCreationOrder() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        assertThat(cases).extracting(AllocationOrderCase::name).doesNotHaveDuplicates();
        assertThat(cases.get(0).batches())
                .containsExactly(
                        new CaseBatch("shipment", java.time.LocalDate.of(2026, 3, 2), 10, 0),
                        new CaseBatch("warehouse", null, 10, 0));
    }

    @Test
    void coversAnEmptyAnswerAndAnEmptyProduct() {
        assertThat(cases).anyMatch(c -> c.expected().isEmpty() && !c.batches().isEmpty());
        assertThat(cases).anyMatch(c -> c.batches().isEmpty());
    }

    @Test
    void everyExpectedBatchIsOneOfTheCase() {
        cases.forEach(c -> c.expected()
                .ifPresent(ref -> assertThat(c.batches())
                        .as(c.name())
                        .extracting(CaseBatch::ref)
                        .contains(ref)));
    }
}
