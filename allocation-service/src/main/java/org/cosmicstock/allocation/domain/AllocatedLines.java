package org.cosmicstock.allocation.domain;

import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;

/**
 * The lines a product had allocated when it was loaded, read on demand rather than loaded whole: a
 * lookup by order (a line is its order and SKU) and, for a shrinking batch, its lines newest first,
 * only as many as it gives up. This is what keeps a command's cost independent of history.
 */
public interface AllocatedLines {

    /** A product nothing was ever allocated from, such as a new one. */
    AllocatedLines NONE = new AllocatedLines() {
        @Override
        public Optional<String> batchOf(String orderId) {
            return Optional.empty();
        }

        @Override
        public Iterator<OrderLine> newestFirst(String batchReference) {
            return Collections.emptyIterator();
        }
    };

    /** The reference of the batch holding the product's line of {@code orderId}, if one does. */
    Optional<String> batchOf(String orderId);

    /** The lines of a batch, most recently allocated first, read lazily. */
    Iterator<OrderLine> newestFirst(String batchReference);
}
