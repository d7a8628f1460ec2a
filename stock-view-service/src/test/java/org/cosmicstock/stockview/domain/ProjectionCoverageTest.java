package org.cosmicstock.stockview.domain;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import org.cosmicstock.messaging.testing.MessageCoverage;
import org.junit.jupiter.api.Test;

/**
 * The view has no message bus: {@link SkuStock#apply} is its one handler, and every event under
 * {@link Event} is there because the view needs it, so each must have a rule. Java 17 cannot check
 * the instanceof chain (ADR 8); apply refuses an event it has no rule for, and this walks them all.
 */
class ProjectionCoverageTest {

    @Test
    void everyEventOfTheViewHasARuleInSkuStock() {
        for (Class<? extends Record> type : MessageCoverage.permittedRecords(Event.class)) {
            Event event = (Event) MessageCoverage.sample(type);
            assertThatCode(() -> SkuStock.empty(event.sku()).apply(event, Instant.EPOCH))
                    .as("a rule for %s in SkuStock.apply", type.getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}
