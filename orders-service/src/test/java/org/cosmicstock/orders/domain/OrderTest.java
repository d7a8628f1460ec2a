package org.cosmicstock.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void placingAnOrderRequestsAnAllocationForEachLine() {
        Order order =
                Order.place("order1", List.of(OrderLine.pending("RED-CHAIR", 2), OrderLine.pending("BLUE-LAMP", 1)));

        assertThat(order.drainEvents())
                .containsExactly(
                        new Event.AllocationRequested("order1", "RED-CHAIR", 2),
                        new Event.AllocationRequested("order1", "BLUE-LAMP", 1));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.lines()).extracting(OrderLine::status).containsOnly(LineStatus.PENDING);
        assertThat(order.version()).isEqualTo(1);
    }

    @Test
    void drainingEventsEmptiesThem() {
        Order order = Order.place("order1", List.of(OrderLine.pending("RED-CHAIR", 2)));
        order.drainEvents();

        assertThat(order.drainEvents()).isEmpty();
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThatThrownBy(() -> Order.place("order1", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An order needs at least one line");
    }

    @Test
    void anOrderNeedsAnId() {
        assertThatThrownBy(() -> Order.place(" ", List.of(OrderLine.pending("RED-CHAIR", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orderId is required");
    }

    @Test
    void anOrderHasOneLinePerSku() {
        assertThatThrownBy(() -> Order.place(
                        "order1", List.of(OrderLine.pending("RED-CHAIR", 2), OrderLine.pending("RED-CHAIR", 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Order order1 has two lines for sku RED-CHAIR");
    }

    @Test
    void aLineNeedsASkuAndAPositiveQuantity() {
        assertThatThrownBy(() -> OrderLine.pending("RED-CHAIR", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderLine.pending("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAllocatedLineKnowsItsBatch() {
        Order order = twoLineOrder();

        assertThat(order.allocated("RED-CHAIR", "batch1")).isTrue();

        assertThat(line(order, "RED-CHAIR")).isEqualTo(new OrderLine("RED-CHAIR", 2, LineStatus.ALLOCATED, "batch1"));
        assertThat(order.status()).as("one line still waits").isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void anOrderWithEveryLineAllocatedIsAllocated() {
        Order order = twoLineOrder();

        order.allocated("RED-CHAIR", "batch1");
        order.allocated("BLUE-LAMP", "batch2");

        assertThat(order.status()).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void anOrderWithSomeLinesOutOfStockIsPartiallyAllocated() {
        Order order = twoLineOrder();

        order.allocated("RED-CHAIR", "batch1");
        order.outOfStock("BLUE-LAMP");

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
        assertThat(line(order, "BLUE-LAMP").status()).isEqualTo(LineStatus.OUT_OF_STOCK);
    }

    @Test
    void anOrderWithEveryLineOutOfStockIsOutOfStock() {
        Order order = twoLineOrder();

        order.outOfStock("RED-CHAIR");
        order.outOfStock("BLUE-LAMP");

        assertThat(order.status()).isEqualTo(OrderStatus.OUT_OF_STOCK);
    }

    @Test
    void aDeallocatedLineIsPendingAgainUntilItIsReallocated() {
        Order order = twoLineOrder();
        order.allocated("RED-CHAIR", "batch1");
        order.allocated("BLUE-LAMP", "batch2");

        assertThat(order.deallocated("RED-CHAIR")).isTrue();

        assertThat(line(order, "RED-CHAIR")).isEqualTo(OrderLine.pending("RED-CHAIR", 2));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

        assertThat(order.allocated("RED-CHAIR", "batch3")).isTrue();

        assertThat(line(order, "RED-CHAIR").batchRef()).isEqualTo("batch3");
        assertThat(order.status()).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void hearingTheSameNewsTwiceChangesNothing() {
        Order order = twoLineOrder();
        order.allocated("RED-CHAIR", "batch1");
        int version = order.version();

        assertThat(order.allocated("RED-CHAIR", "batch1")).isFalse();

        assertThat(order.version()).isEqualTo(version);
    }

    @Test
    void eachChangeBumpsTheVersion() {
        Order order = twoLineOrder();

        order.allocated("RED-CHAIR", "batch1");
        order.outOfStock("BLUE-LAMP");

        assertThat(order.version()).isEqualTo(3);
    }

    @Test
    void newsAboutASkuTheOrderLacksChangesNothing() {
        Order order = twoLineOrder();

        assertThat(order.allocated("GREEN-SOFA", "batch1")).isFalse();
        assertThat(order.outOfStock("GREEN-SOFA")).isFalse();
        assertThat(order.deallocated("GREEN-SOFA")).isFalse();

        assertThat(order.version()).isEqualTo(1);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    }

    private static Order twoLineOrder() {
        Order order =
                Order.place("order1", List.of(OrderLine.pending("RED-CHAIR", 2), OrderLine.pending("BLUE-LAMP", 1)));
        order.drainEvents();
        return order;
    }

    private static OrderLine line(Order order, String sku) {
        return order.lines().stream()
                .filter(l -> l.sku().value().equals(sku))
                .findFirst()
                .orElseThrow();
    }
}
