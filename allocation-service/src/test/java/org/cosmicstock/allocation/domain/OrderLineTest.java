package org.cosmicstock.allocation.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;
import org.junit.jupiter.api.Test;

class OrderLineTest {

    @Test
    void aLineNeedsAPositiveQuantity() {
        assertThatThrownBy(() -> new OrderLine("order-1", "RED-CHAIR", 0))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("qty must be between 1 and 1000000");
        assertThatThrownBy(() -> new OrderLine("order-1", "RED-CHAIR", -3)).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> new OrderLine(new OrderId("order-1"), new Sku("RED-CHAIR"), new Quantity(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An order line holds at least one unit");
    }

    @Test
    void aLineNeedsAnOrderAndASku() {
        assertThatThrownBy(() -> new OrderLine(" ", "RED-CHAIR", 1))
                .hasMessage("orderId must not contain whitespace (found U+0020 at character 0)");
        assertThatThrownBy(() -> new OrderLine("order-1", null, 1)).hasMessage("sku is required");
    }
}
