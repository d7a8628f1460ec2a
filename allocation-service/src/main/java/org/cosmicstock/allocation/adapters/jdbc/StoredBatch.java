package org.cosmicstock.allocation.adapters.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cosmicstock.allocation.domain.Batch;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;

/** A batch as it was loaded, so saving writes only what changed rather than every line again. */
record StoredBatch(int purchasedQuantity, Set<String> orderIds) {

    static Map<String, StoredBatch> snapshotOf(Product product) {
        Map<String, StoredBatch> snapshot = new LinkedHashMap<>();
        for (Batch batch : product.batches()) {
            snapshot.put(
                    batch.reference(),
                    new StoredBatch(
                            batch.purchasedQuantity(),
                            batch.allocations().stream().map(OrderLine::orderId).collect(Collectors.toSet())));
        }
        return snapshot;
    }
}
