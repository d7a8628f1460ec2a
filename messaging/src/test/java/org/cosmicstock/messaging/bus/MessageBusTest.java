package org.cosmicstock.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MessageBusTest {

    record Greet(String name) {}

    record Wave(String name) {}

    record Greeted(String name) {}

    record Thanked(String name) {}

    private final FakeDatabase database = new FakeDatabase();
    private final MessageContext request = MessageContext.newFlow();

    @Test
    void aCommandGoesToItsOneHandlerInOneUnitOfWork() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .command(Wave.class, MessageBusTest::wave)
                .build();

        Outcome outcome = bus.handle(new Greet("Ann"), request);

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann");
        assertThat(database.inbox()).containsExactly(request.messageId());
        assertThat(database.unitsOfWork()).singleElement().satisfies(uow -> {
            assertThat(uow.context()).isEqualTo(request);
            assertThat(uow.committed()).isTrue();
            assertThat(uow.closed()).isTrue();
        });
    }

    @Test
    void aCommandWithoutAHandlerIsRefused() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .build();

        assertThat(bus.handlesCommand(Greet.class)).isTrue();
        assertThat(bus.handlesCommand(Wave.class)).isFalse();
        assertThatThrownBy(() -> bus.handle(new Wave("Ann"), request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Wave.class.getName());
        assertThat(database.unitsOfWork()).isEmpty();
    }

    @Test
    void aFailingCommandRollsBackAndTheErrorReachesTheCaller() {
        var boom = new IllegalStateException("boom");
        var bus = MessageBus.builder(database)
                .command(Greet.class, (command, uow) -> {
                    greet(command, uow);
                    throw boom;
                })
                .build();

        assertThatThrownBy(() -> bus.handle(new Greet("Ann"), request)).isSameAs(boom);

        assertThat(database.facts()).isEmpty();
        assertThat(database.inbox()).isEmpty();
        assertThat(database.published()).isEmpty();
        assertThat(database.unitsOfWork()).singleElement().satisfies(uow -> {
            assertThat(uow.committed()).isFalse();
            assertThat(uow.closed()).isTrue();
        });
    }

    @Test
    void aCommandThatFailedIsAppliedWhenDeliveredAgain() {
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
        assertThatThrownBy(() -> bus.handle(new Greet("Ann"), request)).hasMessage("lock timeout");

        Outcome redelivered = bus.handle(new Greet("Ann"), request);

        assertThat(redelivered).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann");
    }

    @Test
    void aRedeliveredCommandIsADuplicateAndChangesNothing() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .build();
        bus.handle(new Greet("Ann"), request);

        Outcome redelivered = bus.handle(new Greet("Ann"), request);

        assertThat(redelivered).isEqualTo(Outcome.DUPLICATE);
        assertThat(database.facts()).containsExactly("greeted Ann");
        assertThat(database.published()).extracting(RaisedEvent::event).containsExactly(new Greeted("Ann"));
    }

    @Test
    void eventsAreHandledAfterTheCommitEachInAFreshUnitOfWork() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    uow.write("audit saw " + uow.committedFacts());
                    return Outcome.PROCESSED;
                })
                .build();

        bus.handle(new Greet("Ann"), request);

        assertThat(database.facts()).containsExactly("greeted Ann", "audit saw [greeted Ann]");
        List<FakeUnitOfWork> unitsOfWork = database.unitsOfWork();
        assertThat(unitsOfWork)
                .hasSize(2)
                .allSatisfy(uow -> assertThat(uow.committed()).isTrue());
        MessageContext eventContext = unitsOfWork.get(1).context();
        assertThat(eventContext.messageId()).isEqualTo("event-1");
        assertThat(eventContext.causationId()).isEqualTo(request.messageId());
        assertThat(eventContext.correlationId()).isEqualTo(request.correlationId());
    }

    @Test
    void everyHandlerOfAnEventRunsOnceUnderAReceiptNamedForIt() {
        var bus = greeterAuditedAndThanked();

        bus.handle(new Greet("Ann"), request);

        assertThat(database.facts()).containsExactly("greeted Ann", "audited Ann", "thanked Ann");
        assertThat(database.inbox()).containsExactlyInAnyOrder(request.messageId(), "event-1#audit", "event-1#thank");
    }

    @Test
    void aHandlerThatAlreadyAppliedAnEventSkipsItWhileTheOthersStillRun() {
        var bus = greeterAuditedAndThanked();
        database.alreadyDelivered("event-1#audit");

        bus.handle(new Greet("Ann"), request);

        assertThat(database.facts()).containsExactly("greeted Ann", "thanked Ann");
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
        MessageContext readBack = MessageContext.newFlow();

        Outcome outcome = bus.handleEvent(new Greeted("Bob"), readBack);

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("audited Bob", "thanked Bob");
        assertThat(database.inbox())
                .containsExactlyInAnyOrder(readBack.messageId() + "#audit", readBack.messageId() + "#thank");
    }

    @Test
    void anEventReadBackAfterTheBusHandledItIsADuplicate() {
        var bus = greeterAuditedAndThanked();
        bus.handle(new Greet("Ann"), request);
        RaisedEvent greeted = database.published().get(0);

        Outcome readBack = bus.handleEvent(greeted.event(), greeted.context());

        assertThat(readBack).isEqualTo(Outcome.DUPLICATE);
        assertThat(database.facts()).containsExactly("greeted Ann", "audited Ann", "thanked Ann");
    }

    @Test
    void anEventReadBackRunsOnlyTheHandlersWhoseRunWasLost() {
        var bus = greeterAuditedAndThanked();
        MessageContext readBack = MessageContext.newFlow();
        database.alreadyDelivered(readBack.messageId() + "#audit");

        Outcome outcome = bus.handleEvent(new Greeted("Bob"), readBack);

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("thanked Bob");
    }

    @Test
    void anEventItsHandlersHadNothingToDoWithIsSkipped() {
        var bus = MessageBus.builder(database)
                .event(Greeted.class, "ignore", (event, uow) -> Outcome.SKIPPED)
                .build();

        assertThat(bus.handleEvent(new Greeted("Bob"), MessageContext.newFlow()))
                .isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void anEventNobodyHandlesIsSkipped() {
        var bus = greeterAuditedAndThanked();

        assertThat(bus.handlesEvent(Greeted.class)).isTrue();
        assertThat(bus.handlesEvent(Thanked.class)).isFalse();
        assertThat(bus.handleEvent(new Thanked("Bob"), MessageContext.newFlow()))
                .isEqualTo(Outcome.SKIPPED);
        assertThat(database.unitsOfWork()).isEmpty();
    }

    @Test
    void anEventHandlerThatFailsOnceIsRetriedInAFreshUnitOfWork() {
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

        Outcome outcome = bus.handle(new Greet("Ann"), request);

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(database.facts()).containsExactly("greeted Ann", "audited Ann");
        assertThat(database.unitsOfWork()).extracting(FakeUnitOfWork::committed).containsExactly(true, false, true);
    }

    @Test
    void anEventHandlerThatKeepsFailingIsReportedOnceItsAttemptsAreUsedUp() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    throw new IllegalStateException("audit store down");
                })
                .eventHandlerAttempts(3)
                .build();

        assertThatThrownBy(() -> bus.handle(new Greet("Ann"), request))
                .isInstanceOf(EventHandlingFailed.class)
                .hasMessageContaining("Greeted")
                .hasMessageContaining("event-1")
                .hasRootCauseMessage("audit store down");

        assertThat(database.facts()).as("the command stays committed").containsExactly("greeted Ann");
        assertThat(database.inbox()).containsExactly(request.messageId());
        assertThat(database.unitsOfWork())
                .extracting(FakeUnitOfWork::committed)
                .containsExactly(true, false, false, false);
    }

    @Test
    void aRejectedEventIsReportedWithoutRetrying() {
        var bus = MessageBus.builder(database)
                .command(Greet.class, MessageBusTest::greet)
                .event(Greeted.class, "audit", (event, uow) -> {
                    throw new MessageRejected("nobody called " + event.name());
                })
                .eventHandlerAttempts(3)
                .build();

        assertThatThrownBy(() -> bus.handle(new Greet("Ann"), request))
                .isInstanceOf(EventHandlingFailed.class)
                .cause()
                .isInstanceOf(MessageRejected.class)
                .hasMessage("nobody called Ann");

        assertThat(database.unitsOfWork()).extracting(FakeUnitOfWork::committed).containsExactly(true, false);
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
    void anEventHandlerGetsAtLeastOneAttempt() {
        assertThatThrownBy(() -> MessageBus.builder(database).eventHandlerAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
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
