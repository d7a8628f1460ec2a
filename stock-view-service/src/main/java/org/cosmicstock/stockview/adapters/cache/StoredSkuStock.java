package org.cosmicstock.stockview.adapters.cache;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosmicstock.stockview.domain.BatchStock;
import org.cosmicstock.stockview.domain.SkuStock;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one SKU is stored in Redis: JSON whose shape belongs to this adapter, not to the domain
 * records, so a domain change cannot silently change what is stored. Batches are a list because
 * their order (creation order) is part of the value. Dates are ISO strings. A value written by an
 * earlier version reads as well: the map of every allocated line it held ({@code lines}) is ignored,
 * the totals beside it being what counts.
 */
record StoredSkuStock(String sku, List<Batch> batches, String lastChangedBatch, String lastEventTime) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Batch(String ref, int purchased, int allocated, String eta) {}

    static String write(SkuStock stock) {
        List<Batch> batches = stock.batches().values().stream()
                .map(b -> new Batch(
                        b.batchRef(),
                        b.purchased(),
                        b.allocated(),
                        b.eta() == null ? null : b.eta().toString()))
                .toList();
        return JSON.writeValueAsString(new StoredSkuStock(
                stock.sku(),
                batches,
                stock.lastChangedBatch(),
                stock.lastEventTime().toString()));
    }

    static SkuStock read(String json) {
        StoredSkuStock stored = JSON.readValue(json, StoredSkuStock.class);
        Map<String, BatchStock> batches = new LinkedHashMap<>();
        for (Batch b : stored.batches()) {
            batches.put(
                    b.ref(),
                    new BatchStock(
                            b.ref(), b.purchased(), b.allocated(), b.eta() == null ? null : LocalDate.parse(b.eta())));
        }
        return new SkuStock(stored.sku(), batches, stored.lastChangedBatch(), Instant.parse(stored.lastEventTime()));
    }
}
