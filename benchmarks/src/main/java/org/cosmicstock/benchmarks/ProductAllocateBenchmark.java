package org.cosmicstock.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cosmicstock.allocation.domain.AllocatedLines;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.domain.OrderId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Product.allocate} for a product with 20 batches (one in the warehouse, 19 arriving on
 * different days) holding {@code linesPerSku} allocated lines, as loaded by a unit of work: the
 * batches carry their allocated quantity and the lines are looked up by order, so the cost of
 * choosing a batch and of the "already allocated?" check must not grow with the lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProductAllocateBenchmark {

    @Param({"10", "1000"})
    int linesPerSku;

    private Map<String, String> stored;
    private List<Batch> batches;
    private int next;

    @Setup(Level.Iteration)
    public void storeLines() {
        stored = new HashMap<>();
        batches = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 1, 1);
        for (int b = 0; b < 20; b++) {
            // Shuffled etas, so the allocation order has to be worked out rather than read off.
            LocalDate eta = b == 0 ? null : today.plusDays((b * 7L) % 19 + 1);
            batches.add(new Batch("batch-" + b, "SKU", Integer.MAX_VALUE / 2, linesPerSku / 20, eta));
        }
        for (int l = 0; l < linesPerSku; l++) {
            stored.put("existing-" + l, "batch-" + (l % 20));
        }
        next = 0;
    }

    /** One command's work in a unit of work: load the product (its batches), allocate a new line. */
    @Benchmark
    public Object allocateANewLine() {
        Product product = load();
        Object batchRef = product.allocate(new OrderLine("order-" + next++, "SKU", 1));
        product.drainEvents();
        return batchRef;
    }

    /** A line already allocated: found by its order, nothing changes, nothing is raised. */
    @Benchmark
    public Object allocateALineAlreadyAllocated() {
        return load().allocate(new OrderLine("existing-" + (linesPerSku - 1), "SKU", 1));
    }

    private Product load() {
        List<Batch> copies = new ArrayList<>(batches.size());
        for (Batch b : batches) {
            copies.add(new Batch(b.reference(), b.sku(), b.purchasedQuantity(), b.allocatedQuantity(), b.eta()));
        }
        return new Product("SKU", 1, copies, new AllocatedLines() {
            @Override
            public Optional<String> batchOf(OrderId orderId) {
                return Optional.ofNullable(stored.get(orderId.value()));
            }

            @Override
            public Iterator<OrderLine> newestFirst(String batchReference) {
                throw new UnsupportedOperationException("allocating reads no batch's lines");
            }

            @Override
            public void add(Allocation allocation) {}

            @Override
            public void remove(Allocation allocation) {
                throw new UnsupportedOperationException("allocating gives up no line");
            }
        });
    }
}
