package org.cosmicstock.simulation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cosmicstock.allocation.adapters.kafka.AvroCommands;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.service.AllocationUnitOfWork;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.Receipt;
import org.cosmicstock.messaging.kafka.CloudEventHeaders;
import org.cosmicstock.messaging.kafka.DeadLetterProducer;
import org.cosmicstock.messaging.kafka.IncomingMessages;
import org.cosmicstock.messaging.kafka.RecordBatchHandler;
import org.cosmicstock.messaging.kafka.RetryFrom;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.outbox.OutboxRelay;
import org.cosmicstock.messaging.outbox.OutboxRelaySettings;
import org.cosmicstock.messaging.outbox.OutboxRow;
import org.cosmicstock.messaging.outbox.ParkedRow;
import org.cosmicstock.messaging.outbox.RelayOutbox;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.orders.adapters.kafka.AvroOrderMessages;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.stockview.adapters.cache.InMemoryStockView;
import org.cosmicstock.stockview.adapters.kafka.DeadLetterTrouble;
import org.cosmicstock.stockview.adapters.kafka.RecordProjection;

/**
 * One run of the whole suite in one thread, driven by one seed: allocation-service (commands consumer,
 * own-events consumer for reallocation, outbox relays), orders-service (the HTTP edge's PlaceOrder,
 * allocation-events consumer, outbox relays) and stock-view-service (its reader and projection) over
 * {@link SimLog}. Each step the seed picks one thing that can happen next: a command sent, a poll of
 * one partition handled, a relay round, a projection step, a fault. Then, faults off, the run goes on
 * until nothing is left to do, and {@link Invariants} are checked.
 */
final class World {

    static final String COMMANDS = "allocation.commands";
    static final String EVENTS = "allocation.events";
    static final int PARTITIONS = 3;
    static final String ALLOCATION_GROUP = "allocation-service";
    static final String REALLOCATION_GROUP = "allocation-service-reallocation";
    static final String ORDERS_GROUP = "orders-service";
    private static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");
    private static final int STEP_LIMIT = 50_000;
    private static final MessageCodec CODEC = MessageCodec.create();
    private static final MessagingMetrics METRICS = new MessagingMetrics(new SimpleMeterRegistry());
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    /** A process dies here: whatever it held in memory is gone, its database and the log stay. */
    static final class Crash extends Error {
        final String service;

        Crash(String service, String where) {
            super(service + " crashed " + where, null, false, false);
            this.service = service;
        }
    }

    final long seed;
    private final Variant variant;
    private final SplittableRandom random;
    private final Faults faults;
    final Trace trace;
    final SimLog log = new SimLog();
    final AllocationDatabase allocation;
    final OrdersDatabase orders;
    final Workload workload;
    private final MessageBus<AllocationUnitOfWork> allocationBus;
    private final MessageBus<OrdersUnitOfWork> ordersBus;
    private final MockProducer<String, byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final IncomingMessages incoming;
    private final List<PartitionConsumer> consumers = new ArrayList<>();
    private final List<Relay> relays = new ArrayList<>();
    private final List<ViewReader> readers = new ArrayList<>();
    private final Set<String> active = new LinkedHashSet<>();
    InMemoryStockView view;
    private RecordProjection projection;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now();
        }
    };
    private long step;
    private long millis;
    private long transactions;
    private long messageIds;
    private boolean faultsOn = true;
    private boolean nested;

    World(long seed, Variant variant, boolean tracing) {
        this.seed = seed;
        this.variant = variant;
        this.random = new SplittableRandom(seed);
        this.faults = new Faults(random);
        this.trace = new Trace(tracing);
        log.create(COMMANDS, PARTITIONS);
        log.create(EVENTS, PARTITIONS);
        log.create(COMMANDS + ".DLT", PARTITIONS);
        log.create(EVENTS + ".DLT", PARTITIONS);
        this.allocation = new AllocationDatabase(this, EVENTS);
        this.orders = new OrdersDatabase(this, COMMANDS);
        DeadLetterProducer deadLetters = new DeadLetterProducer(deadLetterProducer, METRICS);
        this.incoming = new IncomingMessages(CODEC, METRICS, deadLetters, Duration.ofSeconds(30), MessageTracing.NONE);
        this.allocationBus = org.cosmicstock.allocation.service.Handlers.bus(allocation::begin, 5, incoming::handling);
        this.ordersBus = org.cosmicstock.orders.service.Handlers.bus(orders::begin, 5, incoming::handling);
        this.workload = new Workload(random);
        for (int p = 0; p < PARTITIONS; p++) {
            consumers.add(new PartitionConsumer(
                    "allocation",
                    ALLOCATION_GROUP,
                    COMMANDS,
                    p,
                    incoming.handler(ALLOCATION_GROUP, AvroCommands::toMessage, allocationBus::handleAll)));
            consumers.add(new PartitionConsumer(
                    "allocation",
                    REALLOCATION_GROUP,
                    EVENTS,
                    p,
                    incoming.handler(REALLOCATION_GROUP, AvroEvents::ownEventToMessage, allocationBus::handleEvents)));
            consumers.add(new PartitionConsumer(
                    "orders",
                    ORDERS_GROUP,
                    EVENTS,
                    p,
                    incoming.handler(ORDERS_GROUP, AvroOrderMessages::toMessage, ordersBus::handleAll)));
            readers.add(new ViewReader(p));
        }
        for (int i = 1; i <= 2; i++) {
            relays.add(new Relay("allocation", "allocation-relay-" + i, allocation.db.outbox));
            relays.add(new Relay("orders", "orders-relay-" + i, orders.db.outbox));
        }
        for (PartitionConsumer c : consumers) {
            // A slow consumer: some partitions are polled far less often than the others.
            c.weight = random.nextInt(5) == 0 ? 1 : 10;
        }
        startView();
    }

    // ---- what the parts of the suite ask of the world ----

    Variant variant() {
        return variant;
    }

    MessageCodec codec() {
        return CODEC;
    }

    Instant now() {
        return EPOCH.plusMillis(millis);
    }

    long newTransactionId() {
        return ++transactions;
    }

    /** Message ids come from a counter, not from UUID.randomUUID: the same seed names them alike. */
    String newMessageId() {
        return String.format("m%05d-%d", ++messageIds, seed);
    }

    /** Called by a unit of work about to commit: another handler may commit first, or the process die. */
    void beforeCommit(String service) {
        if (!faultsOn || nested) {
            return;
        }
        if (faults.happens(faults.concurrentHandler)) {
            // Mostly another consumer of the same service: one that may change the same aggregates.
            boolean sameService = random.nextInt(4) != 0;
            List<PartitionConsumer> others = new ArrayList<>();
            for (PartitionConsumer c : consumers) {
                if (!active.contains(c.id()) && c.hasWork() && (!sameService || c.service.equals(service))) {
                    others.add(c);
                }
            }
            if (!others.isEmpty()) {
                PartitionConsumer other = others.get(random.nextInt(others.size()));
                tally("concurrent handler committed first");
                note(() -> "  concurrently, before this commit: " + other.id(), List.of());
                nested = true;
                try {
                    other.step();
                } finally {
                    nested = false;
                }
            }
        }
        if (faults.happens(faults.crashBeforeCommit)) {
            throw new Crash(service, "before its database commit");
        }
    }

    void committed(
            String service, long transaction, Set<Receipt> receipts, List<OutboxTable.Row> rows, List<String> touched) {
        if (trace.enabled()) {
            List<String> tags = new ArrayList<>(touched);
            StringBuilder text = new StringBuilder(service + " commits tx " + transaction);
            if (receipts.isEmpty() && rows.isEmpty()) {
                text.append(" (nothing new in it)");
            }
            if (!touched.isEmpty()) {
                text.append(", writes ").append(touched);
            }
            if (!receipts.isEmpty()) {
                text.append(", receipts ")
                        .append(receipts.stream().map(Receipt::messageId).toList());
            }
            for (OutboxTable.Row row : rows) {
                text.append("\n              -> row ")
                        .append(row.written.id())
                        .append(' ')
                        .append(row.summary)
                        .append(" as ")
                        .append(row.written.context().messageId());
                tags.addAll(tagsOf(row));
            }
            note(text::toString, tags);
        }
    }

    /** Called once a unit of work committed: the process may die before its relay or in-process handlers run. */
    void afterCommit(String service) {
        if (faultsOn && !nested && faults.happens(faults.crashAfterCommit)) {
            throw new Crash(service, "after its database commit, before the relay published");
        }
    }

    // ---- the run ----

    /** Runs the scenario with faults, then without until quiet; returns the violations found. */
    List<Invariants.Violation> run() {
        int faultySteps = workload.size() * 6 + 50;
        while (step < STEP_LIMIT) {
            if (faultsOn && workload.isDone() && step > faultySteps) {
                faultsOn = false;
                note(() -> "faults end here; the run goes on until nothing is left to do", List.of());
            }
            if (advance() || !workload.isDone()) {
                continue;
            }
            if (faultsOn) {
                faultsOn = false;
                continue;
            }
            if (!waitForBackoff()) {
                break;
            }
        }
        if (step >= STEP_LIMIT) {
            return List.of(
                    new Invariants.Violation("the run did not come to rest within " + STEP_LIMIT + " steps", Set.of()));
        }
        view.promote();
        return new Invariants(this).check();
    }

    /** One step: something that can happen, chosen by the seed. False if nothing can. */
    private boolean advance() {
        List<Runnable> actions = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        if (!workload.isDone()) {
            actions.add(this::sendNext);
            weights.add(6);
        }
        for (PartitionConsumer c : consumers) {
            if (c.hasWork() && c.readyAt <= millis) {
                actions.add(c::step);
                weights.add(c.weight);
            }
        }
        for (ViewReader r : readers) {
            if (r.hasWork()) {
                actions.add(r::step);
                weights.add(8);
            }
        }
        for (Relay r : relays) {
            if (r.hasWork() && r.readyAt <= millis) {
                actions.add(r::step);
                weights.add(6);
            }
        }
        if (actions.isEmpty()) {
            return false;
        }
        if (faultsOn) {
            actions.add(this::rebalance);
            weights.add(faults.rebalance);
            actions.add(this::randomCrash);
            weights.add(faults.processCrash);
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        int chosen = 0;
        while (pick >= weights.get(chosen)) {
            pick -= weights.get(chosen++);
        }
        step++;
        millis += 1 + random.nextInt(4);
        try {
            actions.get(chosen).run();
        } catch (Crash crash) {
            crashed(crash.service, crash.getMessage());
        }
        flushDeadLetters();
        return true;
    }

    private boolean waitForBackoff() {
        long next = Long.MAX_VALUE;
        for (PartitionConsumer c : consumers) {
            if (c.hasWork()) {
                next = Math.min(next, c.readyAt);
            }
        }
        for (Relay r : relays) {
            if (r.hasWork()) {
                next = Math.min(next, r.readyAt);
            }
        }
        if (next == Long.MAX_VALUE) {
            return false;
        }
        millis = Math.max(millis, next);
        return true;
    }

    private void sendNext() {
        Workload.Item item = workload.peek();
        if (item instanceof Workload.Place place) {
            MessageContext context = newFlow("/orders-http");
            note(
                    () -> "client places " + place.orderId() + " " + place.lines() + " as " + context.messageId(),
                    tagsOf(place));
            active.add("orders-http");
            try {
                List<OrderLine> lines = new ArrayList<>();
                place.lines().forEach((sku, qty) -> lines.add(OrderLine.pending(sku, qty)));
                ordersBus.handle(new Command.PlaceOrder(place.orderId(), lines), context);
                workload.next();
                workload.placed.add(place.orderId());
            } catch (Crash crash) {
                // The client saw no answer: it sends the order again (PlaceOrder is idempotent by id).
                throw crash;
            } catch (RuntimeException e) {
                note(() -> "  PlaceOrder failed, the client will retry: " + e, tagsOf(place));
            } finally {
                active.remove("orders-http");
            }
        } else if (item instanceof Workload.Send send) {
            MessageContext context = newFlow("/procurement");
            send(send.payload(), send.key(), context, send.invalid());
            if (faultsOn && faults.happens(faults.duplicateSend)) {
                tally("duplicate send");
                note(() -> "  procurement sends it again (same ce_id)", tagsOf(send.payload()));
                send(send.payload(), send.key(), context, false);
            }
            workload.next();
        }
    }

    private void send(SpecificRecord payload, String key, MessageContext context, boolean invalid) {
        RecordHeaders headers = new RecordHeaders();
        byte[] bytes = CODEC.encode(payload);
        CloudEventHeaders.write(
                headers, context, MessageCodec.typeName(payload), now(), MessageCodec.contentTypeOf(bytes));
        SimLog.Stored stored = log.append(COMMANDS, key, bytes, headers, millis);
        if (invalid) {
            workload.invalidIds.add(context.messageId());
        }
        note(
                () -> "procurement sends " + describe(payload) + " as " + context.messageId() + " -> " + where(stored),
                tagsOf(payload));
    }

    private MessageContext newFlow(String source) {
        String id = newMessageId();
        return new MessageContext(source, id, id, null, null);
    }

    private void rebalance() {
        String group =
                List.of(ALLOCATION_GROUP, REALLOCATION_GROUP, ORDERS_GROUP).get(random.nextInt(3));
        List<String> moved = new ArrayList<>();
        for (PartitionConsumer c : consumers) {
            if (c.group.equals(group) && random.nextBoolean()) {
                c.revoke();
                moved.add(c.id());
            }
        }
        tally("rebalance");
        note(
                () -> "REBALANCE of " + group + ": " + moved + " move to another member, from their committed offsets",
                List.of());
    }

    private void randomCrash() {
        String service = List.of("allocation", "orders", "stock-view").get(random.nextInt(3));
        crashed(service, "crashed (kill -9) between steps");
    }

    private void crashed(String service, String how) {
        String what = how.startsWith(service) ? how : service + " " + how;
        tally("crash: "
                + what.replaceAll(" in [a-z]+-relay-[0-9]", " in a relay")
                        .replaceAll("handling .* up to [0-9]+", "handling a poll"));
        note(() -> "CRASH: " + what, List.of());
        if (service.equals("stock-view")) {
            startView();
            readers.forEach(r -> r.position = null);
            return;
        }
        for (PartitionConsumer c : consumers) {
            if (c.service.equals(service)) {
                c.revoke();
            }
        }
        for (Relay r : relays) {
            if (r.service.equals(service)) {
                r.die();
            }
        }
    }

    private void startView() {
        view = new InMemoryStockView();
        projection = new RecordProjection(
                view,
                CODEC,
                METRICS,
                new DeadLetterProducer(deadLetterProducer, METRICS),
                new DeadLetterTrouble(clock, Duration.ofMinutes(5), REGISTRY.counter("dlt")),
                REGISTRY.timer("lag"),
                clock,
                MessageTracing.NONE);
        view.resume();
    }

    private void flushDeadLetters() {
        List<ProducerRecord<String, byte[]>> sent = deadLetterProducer.history();
        if (sent.isEmpty()) {
            return;
        }
        for (ProducerRecord<String, byte[]> r : sent) {
            SimLog.Stored stored = log.append(
                    r.topic(),
                    r.key() == null ? "" : r.key(),
                    r.value(),
                    new RecordHeaders(r.headers().toArray()),
                    millis);
            tally("dead letter");
            note(
                    () -> "dead letter -> " + where(stored) + ": " + CloudEventHeaders.text(r.headers(), "dlt_reason"),
                    List.of(r.key() == null ? "" : r.key()));
        }
        deadLetterProducer.clear();
    }

    // ---- the actors ----

    /** The member of a consumer group that owns one partition now; spring-kafka's batch-and-commit rules. */
    final class PartitionConsumer {
        final String service;
        final String group;
        final String topic;
        final int partition;
        final RecordBatchHandler handler;
        Long position;
        Long failingSince;
        long readyAt;
        int weight;

        PartitionConsumer(String service, String group, String topic, int partition, RecordBatchHandler handler) {
            this.service = service;
            this.group = group;
            this.topic = topic;
            this.partition = partition;
            this.handler = handler;
        }

        String id() {
            return group + "/" + topic + "-" + partition;
        }

        long position() {
            return position != null ? position : log.committed(group, topic, partition);
        }

        boolean hasWork() {
            return position() < log.end(topic, partition);
        }

        void revoke() {
            position = null;
            failingSince = null;
            readyAt = 0;
        }

        void step() {
            long from = position();
            List<SimLog.Stored> polled = log.read(topic, partition, from, 1 + random.nextInt(4));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            polled.forEach(s -> records.add(s.toConsumerRecord()));
            long next = from + polled.size();
            note(() -> id() + " polls " + describe(polled), tagsOf(polled));
            if (variant == Variant.OFFSETS_BEFORE_COMMIT) {
                log.commit(group, topic, partition, next);
                note(() -> "  " + id() + " commits offset " + next + " before handling (broken on purpose)", List.of());
            }
            Duration failingFor = failingSince == null ? Duration.ZERO : Duration.ofMillis(millis - failingSince);
            active.add(id());
            try {
                handler.handle(records, failingFor);
            } catch (RetryFrom waiting) {
                long retryFrom = waiting.offsets().get(new TopicPartition(topic, partition));
                tally("not yet (RetryFrom)");
                note(
                        () -> "  " + id() + " waits, then reads again from offset " + retryFrom + ": "
                                + waiting.getMessage(),
                        tagsOf(polled));
                commitAndMove(retryFrom);
                if (failingSince == null) {
                    failingSince = millis;
                }
                readyAt = millis + 200;
                return;
            } catch (Crash crash) {
                throw crash;
            } catch (Exception e) {
                tally("transient failure of a poll: " + e.getClass().getSimpleName());
                note(() -> "  " + id() + " failed, seeks back to " + from + ": " + e, tagsOf(polled));
                position = from;
                readyAt = millis + 20;
                return;
            } finally {
                active.remove(id());
            }
            failingSince = null;
            if (!nested && faultsOn && faults.happens(faults.crashBeforeOffsetCommit)) {
                throw new Crash(
                        service, "after handling " + id() + " up to " + next + ", before committing the offset");
            }
            if (!nested && faultsOn && faults.happens(faults.revokedBeforeCommit)) {
                tally("revoked before the offset commit");
                note(() -> "  REBALANCE: " + id() + " was revoked meanwhile; its offset commit fails", List.of());
                revoke();
                return;
            }
            commitAndMove(next);
        }

        private void commitAndMove(long offset) {
            log.commit(group, topic, partition, offset);
            position = offset;
        }
    }

    /**
     * The stock view's reader on one partition: no consumer group; it seeks to the positions its view
     * holds when it starts (after the process died: from the beginning, the view being in memory),
     * then reads on from its own position, as {@code AllocationEventsReader} does.
     */
    final class ViewReader {
        final int partition;
        Long position;

        ViewReader(int partition) {
            this.partition = partition;
        }

        long position() {
            if (position == null) {
                Long applied = view.resume().positions().get(partition);
                position = applied == null ? 0 : applied + 1;
            }
            return position;
        }

        boolean hasWork() {
            return position() < log.end(EVENTS, partition);
        }

        void step() {
            long from = position();
            List<SimLog.Stored> polled = log.read(EVENTS, partition, from, 1 + random.nextInt(5));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            polled.forEach(s -> records.add(s.toConsumerRecord()));
            note(() -> "stock-view projects " + describe(polled), tagsOf(polled));
            try {
                // Where AllocationEventsReader calls it: one poll of one partition, never stopping.
                projection.project(records, () -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            position = from + polled.size();
        }
    }

    /**
     * One instance's outbox relay: the real {@link OutboxRelay}, its rounds driven by {@link
     * OutboxRelay#round()} (its back-off after a failure in the world's time), over the service's
     * {@link OutboxTable} and a producer that appends to the log. The table's round is wrapped here to
     * inject what can happen around the real relay's statements: the other instance's relay running a
     * round just as this one takes the lock, a crash after publishing and before marking rows; and,
     * for the deliberately broken variants, reading before the lock or marking before sending.
     */
    final class Relay {
        final String service;
        final String name;
        final OutboxTable table;
        OutboxRelay relay;
        long readyAt;

        Relay(String service, String name, OutboxTable table) {
            this.service = service;
            this.name = name;
            this.table = table;
            start();
        }

        /** A new instance of the relay, as a restarted process has: no producer, no back-off yet. */
        private void start() {
            OutboxRelaySettings settings = new OutboxRelaySettings(
                    1 + random.nextInt(4),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(30),
                    Duration.ofMillis(160),
                    5,
                    Duration.ofDays(1),
                    Duration.ofMinutes(1));
            relay = new OutboxRelay(new Port(), Producer::new, METRICS, settings, clock, MessageTracing.NONE);
            readyAt = 0;
        }

        boolean hasWork() {
            return table.pending() > 0;
        }

        void die() {
            start();
        }

        void step() {
            OutboxRelay.Pause pause;
            try {
                pause = relay.round();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            readyAt = pause.untilWoken() ? 0 : millis + pause.duration().toMillis();
        }

        private Relay other() {
            for (Relay r : relays) {
                if (r.service.equals(service) && r != this) {
                    return r;
                }
            }
            throw new IllegalStateException("no other relay for " + service);
        }

        /** The other instance's relay runs a whole round now, nested in this one's. */
        private void race(String when) {
            if (!faultsOn || nested || !faults.happens(faults.relayRace)) {
                return;
            }
            Relay other = other();
            tally("relays race");
            note(() -> "  concurrently, " + when + ": a round of " + other.name, List.of());
            nested = true;
            try {
                other.step();
            } finally {
                nested = false;
            }
        }

        /** The service's outbox table as this relay's rounds see it. */
        private final class Port implements RelayOutbox {
            @Override
            public Round begin() {
                OutboxTable.Round round = table.new Round(name, now(), transactions + 1, World.this::newTransactionId);
                return new Round() {
                    @Override
                    public Read lockAndReadNextRows(long after, int limit, boolean mark) {
                        List<OutboxTable.Row> early = null;
                        if (variant == Variant.RELAY_READS_BEFORE_LOCK) {
                            early = table.readNext(after, limit);
                            List<OutboxTable.Row> read = early;
                            note(
                                    () -> name + " reads rows " + ids(read) + " before it holds the lock"
                                            + " (broken on purpose)",
                                    tagsOfRows(read));
                        }
                        race("before " + name + " takes the lock");
                        Read read = round.lockAndReadNextRows(after, limit, mark);
                        if (!round.locked()) {
                            tally("relay lock taken by the other relay");
                            note(() -> name + " finds the relay lock taken", List.of("(relay lock)"));
                            return read;
                        }
                        if (early != null) {
                            read = new Read(
                                    true,
                                    early.stream()
                                            .map(OutboxTable.Row::toOutboxRow)
                                            .toList(),
                                    read.oldestRunning(),
                                    read.lastIdTaken(),
                                    read.mark());
                        }
                        List<OutboxRow> rows = read.rows();
                        if (rows.isEmpty()) {
                            return read;
                        }
                        List<OutboxTable.Row> held = rowsOf(rows);
                        note(() -> name + " holds the lock, rows " + ids(held), tagsOfRows(held));
                        race("while " + name + " holds the lock");
                        if (variant == Variant.MARK_BEFORE_ACK) {
                            held.forEach(r -> {
                                r.published = true;
                                r.publishedAt = now();
                            });
                            note(
                                    () -> name + " marks rows " + ids(held) + " published before sending them"
                                            + " (broken on purpose)",
                                    tagsOfRows(held));
                            if (faultsOn && !nested && faults.happens(faults.relayCrash)) {
                                throw new Crash(service, "in " + name + " between marking and sending");
                            }
                        }
                        return read;
                    }

                    @Override
                    public void markPublished(List<OutboxRow> rows) {
                        if (faultsOn && !nested && faults.happens(faults.relayCrash)) {
                            throw new Crash(service, "in " + name + " after publishing, before marking rows");
                        }
                        round.markPublished(rows);
                        if (!rows.isEmpty()) {
                            List<OutboxTable.Row> done = rowsOf(rows);
                            note(() -> name + " marks rows " + ids(done) + " published", tagsOfRows(done));
                        }
                    }

                    @Override
                    public boolean recordFailure(OutboxRow row, String error, int maxAttempts) {
                        return round.recordFailure(row, error, maxAttempts);
                    }

                    @Override
                    public void commit() {
                        round.commit();
                    }

                    @Override
                    public void rollback() {
                        round.rollback();
                    }

                    @Override
                    public void close() {
                        round.close();
                    }
                };
            }

            @Override
            public Housekeeping housekeeping() {
                return table.housekeeping();
            }

            @Override
            public List<ParkedRow> parked(int limit) {
                return table.parked(limit);
            }

            @Override
            public int requeue(Long id) {
                return table.requeue(id);
            }
        }

        private List<OutboxTable.Row> rowsOf(List<OutboxRow> rows) {
            return rows.stream()
                    .map(r -> table.byMessageId(r.context().messageId()))
                    .toList();
        }

        /**
         * The relay's producer: what the broker does with a record. It may refuse it (a transient
         * failure: not enough in-sync replicas), or write it and lose the acknowledgement (a timeout).
         */
        private final class Producer extends MockProducer<String, byte[]> {
            Producer() {
                super(true, null, new StringSerializer(), new ByteArraySerializer());
            }

            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                String messageId = CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID);
                OutboxTable.Row row = table.byMessageId(messageId);
                List<String> tags = row == null ? List.of(record.key()) : tagsOf(row);
                if (faultsOn && faults.happens(faults.brokerRefuses)) {
                    tally("broker refuses a row");
                    note(() -> "  broker refuses " + messageId + " (transient); the round stops there", tags);
                    return failed(callback, new NotEnoughReplicasException("simulated: too few in-sync replicas"));
                }
                SimLog.Stored stored = log.append(
                        record.topic(),
                        record.key(),
                        record.value(),
                        new RecordHeaders(record.headers().toArray()),
                        millis);
                note(
                        () -> "  " + name + " publishes row " + (row == null ? "?" : row.written.id()) + " "
                                + (row == null ? messageId : row.summary) + " -> " + where(stored),
                        tags);
                if (faultsOn && faults.happens(faults.ackLost)) {
                    tally("acknowledgement lost");
                    note(() -> "  " + messageId + " written, but its acknowledgement times out", tags);
                    return failed(
                            callback,
                            new org.apache.kafka.common.errors.TimeoutException("simulated: acknowledgement lost"));
                }
                RecordMetadata metadata = new RecordMetadata(
                        new TopicPartition(stored.topic(), stored.partition()), stored.offset(), 0, millis, -1, -1);
                callback.onCompletion(metadata, null);
                return CompletableFuture.completedFuture(metadata);
            }

            private Future<RecordMetadata> failed(Callback callback, RuntimeException error) {
                callback.onCompletion(null, error);
                return CompletableFuture.failedFuture(error);
            }
        }
    }

    // ---- tracing ----

    /** How often each kind of thing happened in this run: the proof that the faults are injected at all. */
    final Map<String, Integer> tally = new TreeMap<>();

    void tally(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    boolean tracing() {
        return trace.enabled();
    }

    private void note(Supplier<String> text, Collection<String> tags) {
        if (trace.enabled()) {
            trace.add(step, millis, (nested ? "    | " : "") + text.get(), tags);
        }
    }

    private static List<Long> ids(List<OutboxTable.Row> rows) {
        return rows.stream().map(r -> r.written.id()).toList();
    }

    private static String where(SimLog.Stored s) {
        return s.topic() + "-" + s.partition() + "@" + s.offset();
    }

    private String describe(List<SimLog.Stored> polled) {
        List<String> parts = new ArrayList<>();
        for (SimLog.Stored s : polled) {
            String id = CloudEventHeaders.text(s.headers(), CloudEventHeaders.ID);
            String what;
            try {
                what = describe(CODEC.decode(s.value()));
            } catch (RuntimeException e) {
                what = "<undecodable>";
            }
            parts.add("\n              @" + s.offset() + " " + what + " (" + id + ")");
        }
        return where(polled.isEmpty() ? null : polled.get(0)) + String.join("", parts);
    }

    static String describe(SpecificRecord payload) {
        StringBuilder b = new StringBuilder(payload.getSchema().getName()).append('(');
        List<Schema.Field> fields = payload.getSchema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(fields.get(i).name())
                    .append('=')
                    .append(payload.get(i));
        }
        return b.append(')').toString();
    }

    private List<String> tagsOf(List<SimLog.Stored> polled) {
        if (!trace.enabled()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (SimLog.Stored s : polled) {
            tags.add(s.key());
            try {
                tags.addAll(tagsOf(CODEC.decode(s.value())));
            } catch (RuntimeException e) {
                // undecodable: its key is all there is
            }
        }
        return tags;
    }

    private List<String> tagsOf(OutboxTable.Row row) {
        if (!trace.enabled()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(tagsOf(CODEC.decode(row.written.payload())));
        tags.add(row.written.key());
        return tags;
    }

    private List<String> tagsOfRows(List<OutboxTable.Row> rows) {
        List<String> tags = new ArrayList<>();
        rows.forEach(r -> tags.addAll(tagsOf(r)));
        return tags;
    }

    static List<String> tagsOf(Object message) {
        List<String> tags = new ArrayList<>();
        if (message instanceof org.apache.avro.generic.GenericRecord r) {
            for (String field : List.of("sku", "orderId", "ref", "batchRef")) {
                if (r.getSchema().getField(field) != null && r.get(field) != null) {
                    tags.add(r.get(field).toString());
                }
            }
        } else if (message instanceof Workload.Place p) {
            tags.add(p.orderId());
            tags.addAll(p.lines().keySet());
        } else if (message != null) {
            // Domain events are records: their toString names their fields.
            String text = message.toString();
            for (String field : List.of("sku=", "orderId=", "ref=", "batchRef=")) {
                int at = text.indexOf(field);
                if (at >= 0) {
                    int end = text.indexOf(',', at);
                    if (end < 0) {
                        end = text.indexOf(']', at);
                    }
                    tags.add(text.substring(at + field.length(), end).trim());
                }
            }
        }
        return tags;
    }
}
