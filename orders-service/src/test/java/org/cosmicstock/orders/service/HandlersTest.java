package org.cosmicstock.orders.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.bus.Result;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Event;
import org.cosmicstock.orders.domain.LineStatus;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.orders.domain.OrderStatus;
import org.junit.jupiter.api.Test;

/** The book's test_handlers.py for orders: every use case through the bus, on fakes. */
class HandlersTest {

    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final MessageBus<OrdersUnitOfWork> bus = Handlers.bus(uow::begin);

    @Test
    void placingAnOrderStoresItAndRequestsAllocations() {
        Outcome outcome = handle(placeOrder("order1"));

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(uow.committed()).isTrue();
        assertThat(order("order1").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(uow.publishedEvents())
                .containsExactly(
                        new Event.AllocationRequested("order1", "RED-CHAIR", 2),
                        new Event.AllocationRequested("order1", "BLUE-LAMP", 1));
    }

    @Test
    void placingTheSameOrderIdAgainIsSkipped() {
        handle(placeOrder("order1"));

        Outcome again = handle(new Command.PlaceOrder("order1", List.of(OrderLine.pending("GREEN-SOFA", 9))));

        assertThat(again).isEqualTo(Outcome.SKIPPED);
        assertThat(order("order1").lines()).extracting(l -> l.sku().value()).containsExactly("RED-CHAIR", "BLUE-LAMP");
        assertThat(uow.publishedEvents()).hasSize(2);
    }

    @Test
    void aRedeliveredPlaceOrderIsADuplicate() {
        MessageContext request = MessageContext.newFlow("/http");
        bus.handle(placeOrder("order1"), request);

        assertThat(bus.handle(placeOrder("order1"), request)).isEqualTo(Result.DUPLICATE);
        assertThat(uow.publishedEvents()).hasSize(2);
    }

    @Test
    void anInvalidOrderIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> handle(new Command.PlaceOrder("order1", List.of())))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(uow.committed()).isFalse();
        assertThat(uow.orders().get("order1")).isEmpty();
        assertThat(uow.publishedEvents()).isEmpty();
    }

    @Test
    void recordingAllocationsTracksEachLine() {
        handle(placeOrder("order1"));

        assertThat(handle(new Command.RecordAllocation("order1", "RED-CHAIR", "batch1")))
                .isEqualTo(Outcome.PROCESSED);
        handle(new Command.RecordOutOfStock("order1", "BLUE-LAMP"));

        Order order = order("order1");
        assertThat(order.lines())
                .containsExactly(
                        new OrderLine("RED-CHAIR", 2, LineStatus.ALLOCATED, "batch1"),
                        new OrderLine("BLUE-LAMP", 1, LineStatus.OUT_OF_STOCK, null));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
    }

    @Test
    void aReallocatedLineEndsUpInItsNewBatch() {
        handle(placeOrder("order1"));
        handle(new Command.RecordAllocation("order1", "RED-CHAIR", "batch1"));
        handle(new Command.RecordAllocation("order1", "BLUE-LAMP", "batch1"));

        handle(new Command.RecordDeallocation("order1", "RED-CHAIR"));
        assertThat(order("order1").status()).isEqualTo(OrderStatus.PENDING);
        handle(new Command.RecordAllocation("order1", "RED-CHAIR", "batch2"));

        assertThat(order("order1").lines()).extracting(OrderLine::batchRef).containsExactly("batch2", "batch1");
        assertThat(order("order1").status()).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void theSameAllocationHeardTwiceIsSkipped() {
        handle(placeOrder("order1"));
        handle(new Command.RecordAllocation("order1", "RED-CHAIR", "batch1"));
        int version = order("order1").version();

        assertThat(handle(new Command.RecordAllocation("order1", "RED-CHAIR", "batch1")))
                .isEqualTo(Outcome.SKIPPED);
        assertThat(order("order1").version()).isEqualTo(version);
    }

    @Test
    void recordAllocationForAnUnknownOrderIsSkipped() {
        assertThat(handle(new Command.RecordAllocation("elsewhere", "RED-CHAIR", "batch1")))
                .isEqualTo(Outcome.SKIPPED);
        assertThat(handle(new Command.RecordOutOfStock("elsewhere", "RED-CHAIR")))
                .isEqualTo(Outcome.SKIPPED);
        assertThat(handle(new Command.RecordDeallocation("elsewhere", "RED-CHAIR")))
                .isEqualTo(Outcome.SKIPPED);

        assertThat(uow.orders().get("elsewhere")).isEmpty();
    }

    @Test
    void aRefusedLineIsRejectedAndAnOrderWhoseLinesAreAllRefusedIsRejected() {
        handle(placeOrder("order1"));

        assertThat(handle(new Command.RecordRejection("order1", "RED-CHAIR", "Invalid sku RED-CHAIR")))
                .isEqualTo(Outcome.PROCESSED);
        assertThat(order("order1").status()).isEqualTo(OrderStatus.PENDING);
        handle(new Command.RecordRejection("order1", "BLUE-LAMP", "Invalid sku BLUE-LAMP"));

        assertThat(order("order1").lines()).extracting(OrderLine::status).containsOnly(LineStatus.REJECTED);
        assertThat(order("order1").status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void oneRefusedLineBesideAnAllocatedOneIsAPartialAllocation() {
        handle(placeOrder("order1"));
        handle(new Command.RecordAllocation("order1", "RED-CHAIR", "batch1"));

        handle(new Command.RecordRejection("order1", "BLUE-LAMP", "Invalid sku BLUE-LAMP"));

        assertThat(order("order1").status()).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
    }

    @Test
    void theEventsOfABatchAboutOneOrderAreAppliedTogether() {
        handle(placeOrder("order1"));
        int before = uow.unitsOfWork();

        List<Result> results = bus.handleAll(List.of(
                new Envelope(
                        new Command.RecordAllocation("order1", "RED-CHAIR", "batch1"), MessageContext.newFlow("/a")),
                new Envelope(new Command.RecordOutOfStock("order1", "BLUE-LAMP"), MessageContext.newFlow("/a"))));

        assertThat(results).extracting(Result::outcome).containsOnly(Outcome.PROCESSED);
        assertThat(uow.unitsOfWork() - before).isEqualTo(1);
        assertThat(order("order1").status()).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
        assertThat(order("order1").version()).isEqualTo(3);
    }

    @Test
    void recordAllocationForALineTheOrderLacksIsSkipped() {
        handle(placeOrder("order1"));

        assertThat(handle(new Command.RecordAllocation("order1", "GREEN-SOFA", "batch1")))
                .isEqualTo(Outcome.SKIPPED);
        assertThat(order("order1").version()).isEqualTo(1);
    }

    private static Command.PlaceOrder placeOrder(String orderId) {
        return new Command.PlaceOrder(
                orderId, List.of(OrderLine.pending("RED-CHAIR", 2), OrderLine.pending("BLUE-LAMP", 1)));
    }

    /** One command through the bus; a rejection is thrown, so that no test mistakes it for a skip. */
    private Outcome handle(Object command) {
        Result result = bus.handle(command, MessageContext.newFlow("/test-client"));
        if (result.isRejected()) {
            throw result.rejection();
        }
        return result.outcome();
    }

    private Order order(String orderId) {
        return uow.orders().get(orderId).orElseThrow();
    }
}
