package org.cosmicstock.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
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
 * different days), each holding {@code linesPerBatch} allocated lines, as it would after a day of
 * orders: the cost of choosing a batch and of the "already allocated?" check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProductAllocateBenchmark {

    @Param({"0", "50"})
    int linesPerBatch;

    private Product product;
    private int next;

    @Setup(Level.Iteration)
    public void buildProduct() {
        List<Batch> batches = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 1, 1);
        for (int b = 0; b < 20; b++) {
            List<OrderLine> lines = new ArrayList<>();
            for (int l = 0; l < linesPerBatch; l++) {
                lines.add(new OrderLine("existing-" + b + "-" + l, "SKU", 1));
            }
            // Shuffled etas, so the allocation order has to be worked out rather than read off.
            LocalDate eta = b == 0 ? null : today.plusDays((b * 7L) % 19 + 1);
            batches.add(new Batch("batch-" + b, "SKU", Integer.MAX_VALUE / 2, eta, lines));
        }
        product = new Product("SKU", 1, batches);
        next = 0;
    }

    @Benchmark
    public Object allocateANewLine() {
        Object batchRef = product.allocate(new OrderLine("order-" + next++, "SKU", 1));
        product.drainEvents();
        return batchRef;
    }

    @Benchmark
    public Object allocateALineAlreadyAllocated() {
        return product.allocate(new OrderLine("existing-19-0", "SKU", 1));
    }
}
