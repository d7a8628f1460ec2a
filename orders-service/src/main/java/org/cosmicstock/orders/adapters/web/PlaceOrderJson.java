package org.cosmicstock.orders.adapters.web;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cosmicstock.domain.ContractViolation;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.schemas.limits.ContractLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code POST /orders} strictly, field by field, so that every refusal names the field and
 * nothing is coerced: a quantity must be a JSON integer (not {@code "3"}, {@code 3.5} or
 * {@code 1e2}), ids and SKUs JSON strings within the contract's limits, a key may appear once.
 * Unknown fields are ignored, so clients may send fields a later version of the contract adds.
 */
final class PlaceOrderJson {

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PlaceOrderJson() {}

    /** The command the body asks for; throws {@link ContractViolation} naming the first bad field. */
    static Command.PlaceOrder read(byte[] body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw new ContractViolation("body", "is not valid JSON: " + shortened(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ContractViolation("body", "must be a JSON object {\"orderId\"?: string, \"lines\": [...]}");
        }
        JsonNode orderId = root.get("orderId");
        OrderId id = orderId == null || orderId.isNull()
                ? new OrderId(UUID.randomUUID().toString())
                : OrderIds.addressable("orderId", OrderId.of("orderId", string("orderId", orderId)));
        return new Command.PlaceOrder(id, lines(root.get("lines")));
    }

    private static List<OrderLine> lines(JsonNode lines) {
        if (lines == null || lines.isNull()) {
            throw new ContractViolation("lines", "is required: one {\"sku\", \"qty\"} per SKU ordered");
        }
        if (!lines.isArray()) {
            throw new ContractViolation("lines", "must be a JSON array of {\"sku\", \"qty\"}");
        }
        ContractLimits.lines(lines.size());
        List<OrderLine> read = new ArrayList<>();
        Map<Sku, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            JsonNode line = lines.get(i);
            if (!line.isObject()) {
                throw new ContractViolation(field, "must be a JSON object {\"sku\", \"qty\"}");
            }
            Sku sku = Sku.of(field + ".sku", string(field + ".sku", line.get("sku")));
            Quantity qty = quantity(field + ".qty", line.get("qty"));
            Integer earlier = seen.putIfAbsent(sku, i);
            if (earlier != null) {
                throw new ContractViolation(
                        field + ".sku", "repeats sku " + sku + " of lines[" + earlier + "]; give one line per sku");
            }
            read.add(OrderLine.pending(sku, qty));
        }
        return read;
    }

    /** The JSON string {@code value}, as it is: its limits are checked by the value it becomes. */
    private static String string(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            throw new ContractViolation(field, "is required");
        }
        if (!value.isString()) {
            throw new ContractViolation(field, "must be a JSON string, not " + kind(value));
        }
        return value.stringValue();
    }

    private static Quantity quantity(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            throw new ContractViolation(field, "is required");
        }
        if (!value.isIntegralNumber()) {
            throw new ContractViolation(field, "must be a whole number of units, not " + kind(value));
        }
        BigInteger units = value.bigIntegerValue();
        long clamped = units.bitLength() < 63 ? units.longValue() : units.signum() * Long.MAX_VALUE;
        return Quantity.of(field, clamped);
    }

    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number with a fraction or exponent";
        }
        return "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shortened(String message) {
        String oneLine = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
