package org.cosmicstock.allocation.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderLineTest {

    @Test
    void aLineNeedsAPositiveQuantity() {
        assertThatThrownBy(() -> new OrderLine("order-1", "RED-CHAIR", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("qty must be positive, was 0");
        assertThatThrownBy(() -> new OrderLine("order-1", "RED-CHAIR", -3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineNeedsAnOrderAndASku() {
        assertThatThrownBy(() -> new OrderLine(" ", "RED-CHAIR", 1)).hasMessage("orderId is required");
        assertThatThrownBy(() -> new OrderLine("order-1", null, 1)).hasMessage("sku is required");
    }
}
