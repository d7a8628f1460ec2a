package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cosmicstock.schemas.commands.Allocate;
import org.junit.jupiter.api.Test;

/** The coverage tests are only as good as these checks: each must catch what it is there for. */
class MessageCoverageTest {

    sealed interface Message permits Hold, Release, Admin {}

    sealed interface Admin extends Message permits Audit {}

    record Hold(String orderId, String sku, int qty) implements Message {}

    record Release(String orderId, int qty) implements Message {}

    record Audit(String by) implements Admin {}

    @Test
    void findsEveryRecordUnderASealedInterfaceAndItsSealedChildren() {
        assertThat(MessageCoverage.permittedRecords(Message.class))
                .containsExactlyInAnyOrder(Hold.class, Release.class, Audit.class);
    }

    @Test
    void aSampleHasADifferentValueInEveryComponent() {
        Hold hold = MessageCoverage.sample(Hold.class);

        assertThat(hold.orderId()).isNotEqualTo(hold.sku());
        assertThat(hold.qty()).isPositive();
    }

    @Test
    void sameFieldsPassesAFaithfulMappingAndCatchesASwappedOrMissingOne() {
        Hold hold = MessageCoverage.sample(Hold.class);

        MessageCoverage.assertSameFields(hold, new Allocate(hold.orderId(), hold.sku(), hold.qty()));
        assertThatThrownBy(() ->
                        MessageCoverage.assertSameFields(hold, new Allocate(hold.sku(), hold.orderId(), hold.qty())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Allocate.orderId");
        assertThatThrownBy(() -> MessageCoverage.assertSameFields(
                        MessageCoverage.sample(Audit.class), new Allocate("o", "s", 1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has no field by");
    }
}
