package org.cosmicstock.stockview.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.SkuStock;

/**
 * A SKU's stock in a form whose equality includes the order of its batches (SkuStock's own
 * equality, being that of its maps, does not): two views are equal only if they would answer alike.
 */
public record SkuSnapshot(String sku, List<BatchStock> batches, Map<String, String> lines, Instant lastEventTime) {

    public static SkuSnapshot of(SkuStock stock) {
        return new SkuSnapshot(
                stock.sku(), List.copyOf(stock.batches().values()), Map.copyOf(stock.lines()), stock.lastEventTime());
    }
}
