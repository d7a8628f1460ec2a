package org.cosmicstock.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cosmicstock.allocation.adapters.kafka.AvroCommands;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.domain.Event;
import org.cosmicstock.messaging.outbox.OutgoingMessage;
import org.cosmicstock.schemas.commands.Allocate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * allocation-service's mappers, once per message: an Avro {@code Allocate} read from the commands topic to its
 * domain command (the value objects checked), and the {@code Allocated} it raises to what the outbox publishes.
 * The codec's cost is not in it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class AvroMappingBenchmark {

    private final Allocate command = new Allocate("order-1", "SKU-1", 1);
    private final AvroEvents events = new AvroEvents("allocation.events");
    private final Event.Allocated event = new Event.Allocated("order-1", "SKU-1", 1, "batch-1", 10);

    @Benchmark
    public Object commandToDomain() {
        return AvroCommands.toMessage(command);
    }

    @Benchmark
    public OutgoingMessage eventToAvro() {
        return events.toOutgoing(event);
    }
}
