package org.cosmicstock.stockview.testing;

import java.time.Instant;
import java.util.List;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.SkuStock;

/**
 * A SKU's stock in a form whose equality includes the order of its batches (SkuStock's own
 * equality, being that of its maps, does not): two views are equal only if they would answer alike.
 */
public record SkuSnapshot(String sku, List<BatchStock> batches, String lastChangedBatch, Instant lastEventTime) {

    public static SkuSnapshot of(SkuStock stock) {
        return new SkuSnapshot(
                stock.sku(), List.copyOf(stock.batches().values()), stock.lastChangedBatch(), stock.lastEventTime());
    }
}
