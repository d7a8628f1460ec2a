package org.cosmicstock.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MessageBusTest {

    record Greet(String name) {}

    record Wave(String name) {}

    record Greeted(String name) {}

    record Thanked(String name) {}

    private final FakeDatabase database = new FakeDatabase();
    private final MessageContext request = MessageContext.newFlow("/client");

    @Test
    void aCommandGoesToItsOneHandlerInOneUnitOfWork() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .command(Wave.class, MessageBusTest::wave)
                .build();

        Result result = bus.handle(new Greet("Ann"), request);

        assertThat(result.outcome()).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann");
        assertThat(database.inbox()).containsExactly(request.receipt(""));
        assertThat(database.unitsOfWork()).singleElement().satisfies(uow -> {
            assertThat(uow.committed()).isTrue();
            assertThat(uow.closed()).isTrue();
        });
    }

    @Test
    void aBatchOfCommandsIsAppliedInOneUnitOfWorkWithAReceiptEach() {
        var bus = greeter();
        List<Envelope> batch = envelopes(new Greet("Ann"), new Greet("Bob"), new Greet("Cid"));

        List<Result> results = bus.handleAll(batch);

        assertThat(results).extracting(Result::outcome).containsOnly(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann", "greeted Bob", "greeted Cid");
        assertThat(database.unitsOfWork())
                .singleElement()
                .satisfies(uow -> assertThat(uow.committed()).isTrue());
        assertThat(database.inbox())
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(e -> e.context().receipt("")).toList());
    }

    @Test
    void eachEventOfABatchIsCausedByTheCommandThatRaisedIt() {
        var bus = greeter();
        List<Envelope> batch = envelopes(new Greet("Ann"), new Greet("Bob"));

        bus.handleAll(batch);

        assertThat(database.published()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            MessageContext event = database.published().get(i).context();
            assertThat(event.causationId()).isEqualTo(batch.get(i).context().messageId());
            assertThat(event.correlationId()).isEqualTo(batch.get(i).context().correlationId());
            assertThat(event.source()).isEqualTo(FakeDatabase.SOURCE);
        }
    }

    @Test
    void theUnitOfWorkIsPreparedWithTheMessagesItWillHandle() {
        var bus = greeter();
        Envelope old = new Envelope(new Greet("Old"), MessageContext.newFlow("/client"));
        database.alreadyDelivered(old.context().receipt(""));
        List<Envelope> batch = new ArrayList<>(envelopes(new Greet("Ann")));
        batch.add(old);

        bus.handleAll(batch);

        FakeUnitOfWork uow = database.unitsOfWork().get(0);
        assertThat(uow.prepared()).containsExactly(new Greet("Ann"));
        assertThat(uow.steps()).containsExactly("foreign", "receipts", "prepare");
    }

    @Test
    void aForeignMessageIsSkippedWithoutAReceiptAndTheRestOfTheBatchIsApplied() {
        var bus = greeter();
        database.holdsNothingFor(message -> message.equals(new Greet("Stranger")));
        List<Envelope> batch = envelopes(new Greet("Ann"), new Greet("Stranger"), new Greet("Bob"));

        List<Result> results = bus.handleAll(batch);

        assertThat(results)
                .extracting(Result::outcome)
                .containsExactly(Outcome.PROCESSED, Outcome.SKIPPED, Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann", "greeted Bob");
        assertThat(database.inbox())
                .containsExactlyInAnyOrder(
                        batch.get(0).context().receipt(""),
                        batch.get(2).context().receipt(""));
    }

    @Test
    void aBatchOfOnlyForeignMessagesRecordsNoReceiptsAndWritesNothing() {
        var bus = greeter();
        database.holdsNothingFor(message -> true);

        List<Result> results = bus.handleAll(envelopes(new Greet("Stranger"), new Greet("Other")));

        assertThat(results).extracting(Result::outcome).containsOnly(Outcome.SKIPPED);
        assertThat(database.inbox()).isEmpty();
        assertThat(database.facts()).isEmpty();
        assertThat(database.unitsOfWork()).singleElement().satisfies(uow -> {
            assertThat(uow.steps()).as("no receipts asked for").containsExactly("foreign", "prepare");
            assertThat(uow.prepared()).isEmpty();
            assertThat(uow.writes()).isEmpty();
        });
    }

    @Test
    void aRejectedMessageAloneIsLeftOutAndTheRestOfTheBatchCommits() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, (command, uow) -> {
                    if (command.name().isBlank()) {
                        throw new MessageRejected("a greeting needs a name");
                    }
                    return greet(command, uow);
                })
                .build();
        List<Envelope> batch = envelopes(new Greet("Ann"), new Greet(""), new Greet("Bob"), new Greet(" "));

        List<Result> results = bus.handleAll(batch);

        assertThat(results)
                .extracting(Result::outcome)
                .containsExactly(Outcome.PROCESSED, Outcome.INVALID, Outcome.PROCESSED, Outcome.INVALID);
        assertThat(results.get(1).rejection()).hasMessage("a greeting needs a name");
        assertThat(database.facts()).containsExactly("greeted Ann", "greeted Bob");
        assertThat(database.inbox())
                .containsExactlyInAnyOrder(
                        batch.get(0).context().receipt(""),
                        batch.get(2).context().receipt(""));
        assertThat(database.published())
                .extracting(RaisedEvent::event)
                .containsExactly(new Greeted("Ann"), new Greeted("Bob"));
    }

    @Test
    void aRedeliveredCommandIsADuplicateAndChangesNothing() {
        var bus = greeter();
        bus.handle(new Greet("Ann"), request);

        Result redelivered = bus.handle(new Greet("Ann"), request);

        assertThat(redelivered).isEqualTo(Result.DUPLICATE);
        assertThat(database.facts()).containsExactly("greeted Ann");
        assertThat(database.published()).extracting(RaisedEvent::event).containsExactly(new Greeted("Ann"));
    }

    @Test
    void theSameMessageTwiceInOneBatchIsAppliedOnce() {
        var bus = greeter();
        Envelope once = new Envelope(new Greet("Ann"), request);

        List<Result> results = bus.handleAll(List.of(once, once));

        assertThat(results).containsExactly(Result.of(Outcome.PROCESSED), Result.DUPLICATE);
        assertThat(database.facts()).containsExactly("greeted Ann");
    }

    @Test
    void messagesOfTwoSourcesWithTheSameIdAreDifferentMessages() {
        var bus = greeter();
        MessageContext fromA = new MessageContext("/producer-a", "42", "42", null, Traceparent.random());
        MessageContext fromB = new MessageContext("/producer-b", "42", "42", null, Traceparent.random());

        List<Result> results =
                bus.handleAll(List.of(new Envelope(new Greet("Ann"), fromA), new Envelope(new Greet("Bob"), fromB)));

        assertThat(results).extracting(Result::outcome).containsOnly(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann", "greeted Bob");
    }

    @Test
    void aFailingBatchRollsBackAndTheErrorReachesTheCaller() {
        var boom = new IllegalStateException("database away");
        var bus = MessageBus.builder(database)
                .command(Greet.class, (command, uow) -> {
                    greet(command, uow);
                    if (command.name().equals("Bob")) {
                        throw boom;
                    }
                    return Outcome.PROCESSED;
                })
                .build();

        assertThatThrownBy(() -> bus.handleAll(envelopes(new Greet("Ann"), new Greet("Bob"))))
                .isSameAs(boom);

        assertThat(database.facts()).isEmpty();
        assertThat(database.inbox()).isEmpty();
        assertThat(database.published()).isEmpty();
        assertThat(database.unitsOfWork()).singleElement().satisfies(uow -> {
            assertThat(uow.committed()).isFalse();
            assertThat(uow.closed()).isTrue();
        });
    }

    @Test
    void aBatchThatFailedIsAppliedWhenDeliveredAgain() {
        var failuresLeft = new AtomicInteger(1);
        var bus = MessageBus.builder(database)
                .command(Greet.class, (command, uow) -> {
                    greet(command, uow);
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("lock timeout");
                    }
                    return Outcome.PROCESSED;
                })
                .build();
        List<Envelope> batch = envelopes(new Greet("Ann"));
        assertThatThrownBy(() -> bus.handleAll(batch)).hasMessage("lock timeout");

        List<Result> redelivered = bus.handleAll(batch);

        assertThat(redelivered).containsExactly(Result.of(Outcome.PROCESSED));
        assertThat(database.facts()).containsExactly("greeted Ann");
    }

    @Test
    void aVersionConflictIsRetriedInProcess() {
        var bus = greeterTrying(3);
        database.loseConflicts(2);

        Result result = bus.handle(new Greet("Ann"), request);

        assertThat(result.outcome()).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann");
        assertThat(database.unitsOfWork()).extracting(FakeUnitOfWork::committed).containsExactly(false, false, true);
    }

    @Test
    void aVersionConflictThatOutlastsItsAttemptsReachesTheCaller() {
        var bus = greeterTrying(2);
        database.loseConflicts(2);

        assertThatThrownBy(() -> bus.handle(new Greet("Ann"), request)).isInstanceOf(StaleAggregate.class);
        assertThat(database.facts()).isEmpty();
    }

    @Test
    void eventsAreHandledAfterTheCommitTogetherInAFreshUnitOfWork() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    uow.write("audit of " + event.name() + " saw " + uow.committedFacts());
                    return Outcome.PROCESSED;
                })
                .build();

        bus.handleAll(envelopes(new Greet("Ann"), new Greet("Bob")));

        assertThat(database.facts())
                .containsExactly(
                        "greeted Ann",
                        "greeted Bob",
                        "audit of Ann saw [greeted Ann, greeted Bob]",
                        "audit of Bob saw [greeted Ann, greeted Bob]");
        assertThat(database.unitsOfWork())
                .hasSize(2)
                .allSatisfy(uow -> assertThat(uow.committed()).isTrue());
        assertThat(database.inbox())
                .contains(
                        database.published().get(0).context().receipt("audit"),
                        database.published().get(1).context().receipt("audit"));
    }

    @Test
    void everyHandlerOfAnEventRunsOnceUnderAReceiptNamedForIt() {
        var bus = greeterAuditedAndThanked();

        bus.handle(new Greet("Ann"), request);

        assertThat(database.facts()).containsExactly("greeted Ann", "audited Ann", "thanked Ann");
        MessageContext greeted = database.published().get(0).context();
        assertThat(database.inbox())
                .containsExactlyInAnyOrder(request.receipt(""), greeted.receipt("audit"), greeted.receipt("thank"));
    }

    @Test
    void eventsRaisedByEventHandlersAreHandledToo() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "thank", (event, uow) -> {
                    uow.write("thanked " + event.name());
                    uow.raise(new Thanked(event.name()));
                    return Outcome.PROCESSED;
                })
                .event(Thanked.class, "log", (event, uow) -> {
                    uow.write("logged thanks to " + event.name());
                    return Outcome.PROCESSED;
                })
                .build();

        bus.handle(new Greet("Ann"), request);

        assertThat(database.facts()).containsExactly("greeted Ann", "thanked Ann", "logged thanks to Ann");
        assertThat(database.published())
                .extracting(RaisedEvent::event)
                .containsExactly(new Greeted("Ann"), new Thanked("Ann"));
        assertThat(database.published().get(1).context().causationId()).isEqualTo("event-1");
    }

    @Test
    void anEventFromOutsideGoesToEveryHandlerOfIt() {
        var bus = greeterAuditedAndThanked();
        MessageContext readBack = MessageContext.newFlow("/fake-service");

        List<Result> results = bus.handleEvents(List.of(new Envelope(new Greeted("Bob"), readBack)));

        assertThat(results).containsExactly(Result.of(Outcome.PROCESSED));
        assertThat(database.facts()).containsExactly("audited Bob", "thanked Bob");
        assertThat(database.inbox()).containsExactlyInAnyOrder(readBack.receipt("audit"), readBack.receipt("thank"));
    }

    @Test
    void anEventReadBackAfterTheBusHandledItIsADuplicate() {
        var bus = greeterAuditedAndThanked();
        bus.handle(new Greet("Ann"), request);
        RaisedEvent greeted = database.published().get(0);

        List<Result> readBack = bus.handleEvents(List.of(new Envelope(greeted.event(), greeted.context())));

        assertThat(readBack).containsExactly(Result.DUPLICATE);
        assertThat(database.facts()).containsExactly("greeted Ann", "audited Ann", "thanked Ann");
    }

    @Test
    void anEventReadBackRunsOnlyTheHandlersWhoseRunWasLost() {
        var bus = greeterAuditedAndThanked();
        MessageContext readBack = MessageContext.newFlow("/fake-service");
        database.alreadyDelivered(readBack.receipt("audit"));

        List<Result> results = bus.handleEvents(List.of(new Envelope(new Greeted("Bob"), readBack)));

        assertThat(results).containsExactly(Result.of(Outcome.PROCESSED));
        assertThat(database.facts()).containsExactly("thanked Bob");
    }

    @Test
    void anEventItsHandlersHadNothingToDoWithIsSkipped() {
        var bus = MessageBus.builder(database)
                .event(Greeted.class, "ignore", (event, uow) -> Outcome.SKIPPED)
                .build();

        assertThat(bus.handleEvents(envelopes(new Greeted("Bob")))).containsExactly(Result.of(Outcome.SKIPPED));
    }

    @Test
    void anEventNobodyHandlesIsSkippedWithoutAUnitOfWork() {
        var bus = greeterAuditedAndThanked();

        assertThat(bus.handlesEvent(Greeted.class)).isTrue();
        assertThat(bus.handlesEvent(Thanked.class)).isFalse();
        assertThat(bus.handleEvents(envelopes(new Thanked("Bob")))).containsExactly(Result.of(Outcome.SKIPPED));
        assertThat(database.unitsOfWork()).isEmpty();
    }

    @Test
    void anEventARejectingHandlerRefusedIsReportedRejected() {
        var bus = MessageBus.builder(database)
                .event(Greeted.class, "audit", (event, uow) -> {
                    throw new MessageRejected("nobody called " + event.name());
                })
                .build();

        List<Result> results = bus.handleEvents(envelopes(new Greeted("Zed")));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(r.rejection()).hasMessage("nobody called Zed");
        });
    }

    @Test
    void anInProcessEventHandlerThatFailsOnceIsRetriedInAFreshUnitOfWork() {
        var failuresLeft = new AtomicInteger(1);
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    uow.write("audited " + event.name());
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("deadlock detected");
                    }
                    return Outcome.PROCESSED;
                })
                .build();

        Result result = bus.handle(new Greet("Ann"), request);

        assertThat(result.outcome()).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann", "audited Ann");
        assertThat(database.unitsOfWork()).extracting(FakeUnitOfWork::committed).containsExactly(true, false, true);
    }

    @Test
    void anInProcessEventHandlerThatKeepsFailingIsLeftToTheDurablePathAndTheCommandStaysCommitted() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    throw new IllegalStateException("audit store down");
                })
                .eventHandlerAttempts(3)
                .build();

        Result result = bus.handle(new Greet("Ann"), request);

        assertThat(result.outcome()).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann");
        assertThat(database.inbox()).containsExactly(request.receipt(""));
        assertThat(database.unitsOfWork())
                .extracting(FakeUnitOfWork::committed)
                .containsExactly(true, false, false, false);
    }

    @Test
    void aCommandWithoutAHandlerIsRefusedBeforeAnythingIsApplied() {
        var bus = greeter();

        assertThat(bus.handlesCommand(Greet.class)).isTrue();
        assertThat(bus.handlesCommand(Wave.class)).isFalse();
        assertThatThrownBy(() -> bus.handleAll(envelopes(new Greet("Ann"), new Wave("Ann"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Wave.class.getName());
        assertThat(database.unitsOfWork()).isEmpty();
    }

    @Test
    void everyHandledMessageRunsThroughAround() {
        List<Object> seen = new ArrayList<>();
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .around((envelope, handling) -> {
                    seen.add(envelope.message());
                    return handling.apply(envelope.context());
                })
                .build();

        bus.handleAll(envelopes(new Greet("Ann"), new Greet("Bob")));

        assertThat(seen).containsExactly(new Greet("Ann"), new Greet("Bob"));
    }

    @Test
    void theEventsAHandlerRaisesCarryTheContextItRanIn() {
        String handlingSpan = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .around((envelope, handling) ->
                        handling.apply(envelope.context().within(handlingSpan)))
                .build();
        List<Envelope> batch = envelopes(new Greet("Ann"));

        bus.handleAll(batch);

        MessageContext event = database.published().get(0).context();
        assertThat(event.traceparent()).isEqualTo(handlingSpan);
        assertThat(event.causationId()).isEqualTo(batch.get(0).context().messageId());
    }

    @Test
    void aCommandHasExactlyOneHandler() {
        var builder = MessageBus.builder(database).command(Greet.class, MessageBusTest::greet);

        assertThatThrownBy(() -> builder.command(Greet.class, (command, uow) -> Outcome.SKIPPED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Greet.class.getName());
    }

    @Test
    void handlersOfOneEventHaveDistinctNames() {
        var builder = MessageBus.builder(database).event(Greeted.class, "audit", (event, uow) -> Outcome.PROCESSED);

        assertThatThrownBy(() -> builder.event(Greeted.class, "audit", (event, uow) -> Outcome.SKIPPED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit");
    }

    @Test
    void attemptsAreAtLeastOne() {
        assertThatThrownBy(() -> MessageBus.builder(database).eventHandlerAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageBus.builder(database).conflictAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Envelope> envelopes(Object... messages) {
        List<Envelope> envelopes = new ArrayList<>();
        for (Object message : messages) {
            envelopes.add(new Envelope(message, MessageContext.newFlow("/client")));
        }
        return envelopes;
    }

    private MessageBus<FakeUnitOfWork> greeter() {
        return MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .build();
    }

    /** A greeter that gives a unit of work losing a version conflict {@code conflictAttempts} tries in all. */
    private MessageBus<FakeUnitOfWork> greeterTrying(int conflictAttempts) {
        return MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .conflictAttempts(conflictAttempts)
                .build();
    }

    private MessageBus<FakeUnitOfWork> greeterAuditedAndThanked() {
        return MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    uow.write("audited " + event.name());
                    return Outcome.PROCESSED;
                })
                .event(Greeted.class, "thank", (event, uow) -> {
                    uow.write("thanked " + event.name());
                    return Outcome.PROCESSED;
                })
                .build();
    }

    private static Outcome greet(Greet command, FakeUnitOfWork uow) {
        uow.write("greeted " + command.name());
        uow.raise(new Greeted(command.name()));
        return Outcome.PROCESSED;
    }

    private static Outcome wave(Wave command, FakeUnitOfWork uow) {
        uow.write("waved at " + command.name());
        return Outcome.PROCESSED;
    }
}
