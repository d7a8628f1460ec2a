package org.cosmicstock.allocation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.messaging.bus.Envelope;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.bus.Outcome;
import org.cosmicstock.messaging.bus.RaisedEvent;
import org.cosmicstock.messaging.bus.Result;
import org.junit.jupiter.api.Test;

/** The book's test_handlers.py: every use case through the bus, on fakes. */
class HandlersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final MessageBus<AllocationUnitOfWork> bus = Handlers.bus(uow::begin);
    private final String client = "/test-client";

    @Test
    void addBatchForNewProduct() {
        Outcome outcome = handle(new Command.CreateBatch("b1", "CRUNCHY-ARMCHAIR", 100, null));

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(uow.products().get("CRUNCHY-ARMCHAIR")).isPresent();
        assertThat(uow.committed()).isTrue();
        assertThat(uow.publishedEvents()).containsExactly(new Event.BatchCreated("b1", "CRUNCHY-ARMCHAIR", 100, null));
    }

    @Test
    void addBatchForExistingProduct() {
        handle(new Command.CreateBatch("b1", "GARISH-RUG", 100, null));
        handle(new Command.CreateBatch("b2", "GARISH-RUG", 99, null));

        assertThat(uow.products().get("GARISH-RUG").orElseThrow().batches())
                .extracting(Batch::reference)
                .containsExactly("b1", "b2");
    }

    @Test
    void createBatchForAnExistingReferenceIsSkippedAndRaisesNothing() {
        handle(new Command.CreateBatch("b1", "GARISH-RUG", 100, null));

        Outcome outcome = handle(new Command.CreateBatch("b1", "GARISH-RUG", 5, TODAY));

        assertThat(outcome).isEqualTo(Outcome.SKIPPED);
        assertThat(batch("GARISH-RUG", "b1").purchasedQuantity()).isEqualTo(100);
        assertThat(uow.publishedEvents()).containsExactly(new Event.BatchCreated("b1", "GARISH-RUG", 100, null));
    }

    @Test
    void allocateReturnsAllocation() {
        handle(new Command.CreateBatch("batch1", "COMPLICATED-LAMP", 100, null));

        Outcome outcome = handle(new Command.Allocate("o1", "COMPLICATED-LAMP", 10));

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(uow.storedProducts().storedLines("COMPLICATED-LAMP", "batch1"))
                .containsExactly(new OrderLine("o1", "COMPLICATED-LAMP", 10));
        assertThat(uow.publishedEvents())
                .last()
                .isEqualTo(new Event.Allocated("o1", "COMPLICATED-LAMP", 10, "batch1", 10));
    }

    @Test
    void allocateForAnUnknownSkuIsRejectedWithAnEvent() {
        handle(new Command.CreateBatch("b1", "AREALSKU", 100, null));

        Outcome outcome = handle(new Command.Allocate("o1", "NONEXISTENTSKU", 10));

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(uow.committed()).isTrue();
        assertThat(uow.committedEvents())
                .extracting(RaisedEvent::event)
                .containsExactly(
                        new Event.AllocationRejected("o1", "NONEXISTENTSKU", 10, "Invalid sku NONEXISTENTSKU"));
        assertThat(uow.products().get("NONEXISTENTSKU")).isEmpty();
    }

    @Test
    void aBatchReferenceOfAnotherSkuIsRefused() {
        handle(new Command.CreateBatch("b1", "AREALSKU", 100, null));

        assertThatThrownBy(() -> handle(new Command.CreateBatch("b1", "ANOTHERSKU", 5, null)))
                .isInstanceOf(MessageRejected.class)
                .hasMessage("Batch b1 already exists for sku AREALSKU");
        assertThat(uow.products().get("ANOTHERSKU")).isEmpty();
    }

    @Test
    void aBatchOfAllocatesIsAppliedInOneUnitOfWork() {
        handle(new Command.CreateBatch("b1", "OMINOUS-MIRROR", 100, null));
        int before = uow.unitsOfWork();

        List<Result> results = bus.handleAll(List.of(
                envelope(new Command.Allocate("o1", "OMINOUS-MIRROR", 10)),
                envelope(new Command.Allocate("o2", "OMINOUS-MIRROR", 10)),
                envelope(new Command.Allocate("o1", "OMINOUS-MIRROR", 10))));

        assertThat(results).extracting(Result::outcome).containsOnly(Outcome.PROCESSED);
        assertThat(uow.unitsOfWork() - before).isEqualTo(1);
        assertMirrorLinesAllocatedOnce(2);
    }

    @Test
    void allocateCommits() {
        handle(new Command.CreateBatch("b1", "OMINOUS-MIRROR", 100, null));

        handle(new Command.Allocate("o1", "OMINOUS-MIRROR", 10));

        assertThat(uow.committed()).isTrue();
        assertThat(batch("OMINOUS-MIRROR", "b1").availableQuantity()).isEqualTo(90);
    }

    @Test
    void allocateSendsOutOfStockEvent() {
        handle(new Command.CreateBatch("b1", "POPULAR-CURTAINS", 9, null));

        Outcome outcome = handle(new Command.Allocate("o1", "POPULAR-CURTAINS", 10));

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(uow.committedEvents())
                .extracting(RaisedEvent::event)
                .containsExactly(new Event.OutOfStock("o1", "POPULAR-CURTAINS", 10));
        assertThat(batch("POPULAR-CURTAINS", "b1").availableQuantity()).isEqualTo(9);
    }

    @Test
    void allocatingTheSameLineAgainChangesNothing() {
        handle(new Command.CreateBatch("b1", "OMINOUS-MIRROR", 100, null));
        handle(new Command.Allocate("o1", "OMINOUS-MIRROR", 10));

        Outcome again = handle(new Command.Allocate("o1", "OMINOUS-MIRROR", 10));

        assertThat(again).isEqualTo(Outcome.PROCESSED);
        assertMirrorLinesAllocatedOnce(1);
        assertThat(uow.committedEvents()).isEmpty();
    }

    @Test
    void aRedeliveredMessageIsADuplicate() {
        handle(new Command.CreateBatch("b1", "OMINOUS-MIRROR", 100, null));
        MessageContext message = MessageContext.newFlow(client);
        bus.handle(new Command.Allocate("o1", "OMINOUS-MIRROR", 10), message);

        Result redelivered = bus.handle(new Command.Allocate("o1", "OMINOUS-MIRROR", 10), message);

        assertThat(redelivered).isEqualTo(Result.DUPLICATE);
        assertMirrorLinesAllocatedOnce(1);
    }

    @Test
    void eachEventIsPublishedUnderANewIdCausedByTheCommand() {
        handle(new Command.CreateBatch("b1", "OMINOUS-MIRROR", 100, null));
        MessageContext message = MessageContext.newFlow(client);

        bus.handle(new Command.Allocate("o1", "OMINOUS-MIRROR", 10), message);

        assertThat(uow.committedEvents()).singleElement().satisfies(raised -> {
            assertThat(raised.context().messageId()).isNotEqualTo(message.messageId());
            assertThat(raised.context().causationId()).isEqualTo(message.messageId());
            assertThat(raised.context().correlationId()).isEqualTo(message.correlationId());
        });
    }

    @Test
    void changeBatchQuantityChangesAvailableQuantity() {
        handle(new Command.CreateBatch("batch1", "ADORABLE-SETTEE", 100, null));

        handle(new Command.ChangeBatchQuantity("batch1", 50, null));

        assertThat(batch("ADORABLE-SETTEE", "batch1").availableQuantity()).isEqualTo(50);
        assertThat(uow.publishedEvents())
                .last()
                .isEqualTo(new Event.BatchQuantityChanged("batch1", "ADORABLE-SETTEE", 50));
    }

    @Test
    void changeBatchQuantityReallocatesIfNecessary() {
        handle(new Command.CreateBatch("batch1", "INDIFFERENT-TABLE", 50, null));
        handle(new Command.CreateBatch("batch2", "INDIFFERENT-TABLE", 50, TODAY));
        handle(new Command.Allocate("order1", "INDIFFERENT-TABLE", 20));
        handle(new Command.Allocate("order2", "INDIFFERENT-TABLE", 20));
        assertThat(batch("INDIFFERENT-TABLE", "batch1").availableQuantity()).isEqualTo(10);
        int before = uow.published().size();

        handle(new Command.ChangeBatchQuantity("batch1", 25, "INDIFFERENT-TABLE"));

        assertThat(batch("INDIFFERENT-TABLE", "batch1").availableQuantity()).isEqualTo(5);
        assertThat(batch("INDIFFERENT-TABLE", "batch2").availableQuantity()).isEqualTo(30);
        List<RaisedEvent> raised =
                uow.published().subList(before, uow.published().size());
        assertThat(raised)
                .extracting(RaisedEvent::event)
                .containsExactly(
                        new Event.BatchQuantityChanged("batch1", "INDIFFERENT-TABLE", 25),
                        new Event.Deallocated("order2", "INDIFFERENT-TABLE", 20, "batch1", 20),
                        new Event.Allocated("order2", "INDIFFERENT-TABLE", 20, "batch2", 20));
        assertThat(raised.get(2).context().causationId())
                .as("the reallocation is caused by the Deallocated event")
                .isEqualTo(raised.get(1).context().messageId());
    }

    @Test
    void aDeallocatedLineThatFitsNowhereIsOutOfStock() {
        handle(new Command.CreateBatch("batch1", "INDIFFERENT-TABLE", 50, null));
        handle(new Command.Allocate("order1", "INDIFFERENT-TABLE", 20));
        handle(new Command.Allocate("order2", "INDIFFERENT-TABLE", 20));

        handle(new Command.ChangeBatchQuantity("batch1", 30, null));

        assertThat(uow.storedProducts().storedLines("INDIFFERENT-TABLE", "batch1"))
                .containsExactly(new OrderLine("order1", "INDIFFERENT-TABLE", 20));
        assertThat(uow.publishedEvents())
                .endsWith(
                        new Event.Deallocated("order2", "INDIFFERENT-TABLE", 20, "batch1", 20),
                        new Event.OutOfStock("order2", "INDIFFERENT-TABLE", 20));
    }

    @Test
    void aDeallocatedFromAProducerBeforeV2IsStillReallocatedWhenReadBack() {
        handle(new Command.CreateBatch("batch1", "INDIFFERENT-TABLE", 50, null));
        handle(new Command.Allocate("order1", "INDIFFERENT-TABLE", 20));

        // A v1 Deallocated names neither the batch nor its total: the reallocation needs only the line.
        List<Result> results = bus.handleEvents(
                List.of(envelope(new Event.Deallocated("order2", "INDIFFERENT-TABLE", 20, null, null))));

        assertThat(results).extracting(Result::outcome).containsExactly(Outcome.PROCESSED);
        assertThat(uow.publishedEvents())
                .last()
                .isEqualTo(new Event.Allocated("order2", "INDIFFERENT-TABLE", 20, "batch1", 40));
    }

    @Test
    void changeBatchQuantityOfAnUnknownBatchIsRejected() {
        handle(new Command.CreateBatch("batch1", "INDIFFERENT-TABLE", 50, null));

        assertThat(bus.handle(new Command.ChangeBatchQuantity("batch9", 10, null), MessageContext.newFlow(client))
                        .rejection())
                .isInstanceOf(UnknownBatch.class)
                .hasMessage("Unknown batch batch9");
        assertThat(bus.handle(
                                new Command.ChangeBatchQuantity("batch1", 10, "OTHER-SKU"),
                                MessageContext.newFlow(client))
                        .rejection())
                .isInstanceOf(UnknownBatch.class);
        assertThat(batch("INDIFFERENT-TABLE", "batch1").purchasedQuantity()).isEqualTo(50);
    }

    /** One command through the bus; a rejection is thrown, as a consumer would dead-letter it. */
    private Outcome handle(Object command) {
        Result result = bus.handle(command, MessageContext.newFlow(client));
        if (result.isRejected()) {
            throw result.rejection();
        }
        return result.outcome();
    }

    /** {@code lines} lines of 10 taken from the OMINOUS-MIRROR batch of 100, and one Allocated published for each. */
    private void assertMirrorLinesAllocatedOnce(int lines) {
        assertThat(batch("OMINOUS-MIRROR", "b1").availableQuantity()).isEqualTo(100 - 10 * lines);
        assertThat(uow.publishedEvents())
                .filteredOn(Event.Allocated.class::isInstance)
                .hasSize(lines);
    }

    private Envelope envelope(Object command) {
        return new Envelope(command, MessageContext.newFlow(client));
    }

    private Batch batch(String sku, String reference) {
        return uow.products().get(sku).orElseThrow().batch(reference).orElseThrow();
    }
}
