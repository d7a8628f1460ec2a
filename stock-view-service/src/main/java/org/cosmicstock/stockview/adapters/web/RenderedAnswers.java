package org.cosmicstock.stockview.adapters.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cosmicstock.stockview.service.StockAnswer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of GET /stock/{sku}, rendered once per answer: when the queries hand out the same answer
 * object for as long as it holds, its bytes are kept beside it per SKU and written as they are.
 */
public final class RenderedAnswers {

    private final JsonMapper json;
    private final boolean keep;
    private final Map<String, Rendered> kept = new ConcurrentHashMap<>();

    public RenderedAnswers(JsonMapper json, boolean keep) {
        this.json = json;
        this.keep = keep;
    }

    byte[] of(StockAnswer answer) {
        if (keep) {
            Rendered rendered = kept.get(answer.sku());
            if (rendered != null && rendered.answer() == answer) {
                return rendered.json();
            }
        }
        byte[] bytes = json.writeValueAsBytes(StockResponse.from(answer));
        if (keep) {
            kept.put(answer.sku(), new Rendered(answer, bytes));
        }
        return bytes;
    }

    private record Rendered(StockAnswer answer, byte[] json) {}
}
