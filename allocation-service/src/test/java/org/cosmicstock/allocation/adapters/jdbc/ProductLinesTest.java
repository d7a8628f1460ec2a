package org.cosmicstock.allocation.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cosmicstock.allocation.domain.Allocation;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.domain.OrderId;
import org.junit.jupiter.api.Test;

/** What the repository records of a new product's lines (one loaded from the database is JdbcAllocationUnitOfWorkIT's). */
class ProductLinesTest {

    private final StoredLines.ProductLines lines = new StoredLines(null).of("FANCY-TABLE", false);

    @Test
    void aLineMadeAndGivenUpInOneUnitOfWorkIsNeitherWrittenNorDeleted() {
        Product product = new Product("FANCY-TABLE", 0, List.of(new Batch("b1", "FANCY-TABLE", 20, null)), lines);
        product.allocate(new OrderLine("order1", "FANCY-TABLE", 10));
        product.allocate(new OrderLine("order2", "FANCY-TABLE", 5));

        product.changeBatchQuantity("b1", 12);

        assertThat(lines.added())
                .extracting(Allocation::line)
                .containsExactly(new OrderLine("order1", "FANCY-TABLE", 10));
        assertThat(lines.removed()).as("never stored, so nothing to delete").isEmpty();
        assertThat(lines.batchOf(new OrderId("order2"))).isEmpty();
        assertThat(lines.batchOf(new OrderId("order1"))).contains("b1");
    }

    @Test
    void aNewProductsLinesAreReadNewestFirstWithoutTheDatabase() {
        lines.add(new Allocation(new OrderLine("order1", "FANCY-TABLE", 1), "b1"));
        lines.add(new Allocation(new OrderLine("order2", "FANCY-TABLE", 1), "b2"));
        lines.add(new Allocation(new OrderLine("order3", "FANCY-TABLE", 1), "b1"));

        assertThat(lines.newestFirst("b1"))
                .toIterable()
                .extracting(l -> l.orderId().value())
                .containsExactly("order3", "order1");
    }
}
