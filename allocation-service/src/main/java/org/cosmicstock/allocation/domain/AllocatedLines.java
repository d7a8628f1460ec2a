package org.cosmicstock.allocation.domain;

import java.util.Iterator;
import java.util.Optional;
import org.cosmicstock.domain.OrderId;

/**
 * The lines a product has allocated, a port: the product says which line went to which batch and
 * which one left; where they are kept, and what the repository writes back, is the implementation's
 * business ({@link LinesInMemory}, or the database read on demand, so that a command's cost does not
 * grow with history).
 */
public interface AllocatedLines {

    /** The reference of the batch holding the product's line of {@code orderId}, if one does. */
    Optional<String> batchOf(OrderId orderId);

    /** The lines of a batch, most recently allocated first, read lazily; the caller may remove each one it is given. */
    Iterator<OrderLine> newestFirst(String batchReference);

    /** The line is now allocated to the batch. */
    void add(Allocation allocation);

    /** The line left the batch it was allocated to. */
    void remove(Allocation allocation);
}
