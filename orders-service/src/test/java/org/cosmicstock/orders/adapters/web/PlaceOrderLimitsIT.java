package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cosmicstock.orders.adapters.web.Problems.assertInvalidField;
import static org.cosmicstock.orders.adapters.web.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /orders against the contract's limits, one row per way a body can be wrong: each a 4xx problem naming the field. */
class PlaceOrderLimitsIT extends RunningOrdersService {

    private static final String LINE = "{\"sku\":\"LAMP\",\"qty\":1}";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                // malformed JSON
                bad("{", "body"),
                bad("{\"lines\":[}", "body"),
                bad("nul", "body"),
                bad("{\"lines\":[" + LINE + "]} trailing", "body"),
                bad("{'lines':[]}", "body"),
                bad("{\"orderId\":\"a\",\"orderId\":\"b\",\"lines\":[" + LINE + "]}", "body"),
                bad("[" + LINE + "]", "body"),
                bad("\"order\"", "body"),
                bad("42", "body"),
                bad("{\"lines\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "body"),
                // wrong types and missing fields
                bad("{}", "lines"),
                bad("{\"lines\":null}", "lines"),
                bad("{\"lines\":{\"sku\":\"LAMP\",\"qty\":1}}", "lines"),
                bad("{\"lines\":\"LAMP\"}", "lines"),
                bad("{\"lines\":[]}", "lines"),
                bad("{\"lines\":[1]}", "lines[0]"),
                bad("{\"lines\":[null]}", "lines[0]"),
                bad("{\"lines\":[{\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":7,\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":[\"LAMP\"],\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"LAMP\"}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":null}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":\"3\"}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":2.5}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":1e2}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":true}]}", "lines[0].qty"),
                // numbers out of range, small and huge
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":0}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":-1}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":1000001}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":2147483648}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":-9223372036854775809}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":99999999999999999999999999999999}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":1e400}]}", "lines[0].qty"),
                bad("{\"lines\":[{\"sku\":\"LAMP\",\"qty\":" + "9".repeat(5_000) + "}]}", "body"),
                // identifiers: of another type, length, whitespace, control and invisible characters, lone surrogates
                bad("{\"orderId\":42,\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":true,\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":{},\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"" + "o".repeat(129) + "\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"" + "o".repeat(60_000) + "\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"order 1\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"order-1\\r\\nINFO forged\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"order\\u0000\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"a/b\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"..\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"orderId\":\"100%\",\"lines\":[" + LINE + "]}", "orderId"),
                bad("{\"lines\":[{\"sku\":\"\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\" \",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"LAMP\\t\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"\\u001b[31mLAMP\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"\\u202ePMAL\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"LA\\u200bMP\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"\\ufeffLAMP\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"LAMP\\ud800\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"\\udc00LAMP\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"LAMP\\u2028\",\"qty\":1}]}", "lines[0].sku"),
                bad("{\"lines\":[{\"sku\":\"" + "\u00e9".repeat(129) + "\",\"qty\":1}]}", "lines[0].sku"),
                // the order as a whole
                bad("{\"lines\":[" + LINE + ",{\"sku\":\"SOFA\",\"qty\":1}," + LINE + "]}", "lines[2].sku"),
                bad("{\"lines\":[" + lines(101) + "]}", "lines"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidBodies")
    void anInvalidBodyIsA400NamingTheField(String what, byte[] body, String field) {
        assertInvalidField(post("application/json", body), field, what);
    }

    @Test
    void bytesThatAreNotUtf8AreA400() {
        byte[] body = "{\"lines\":[{\"sku\":\"LAMP\u00ff\",\"qty\":1}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertInvalidField(post("application/json", body), "body", "ISO-8859-1 bytes");
        byte[] truncated = {'{', '"', 'l', (byte) 0xE2, (byte) 0x82};
        assertInvalidField(post("application/json", truncated), "body", "truncated UTF-8");
    }

    @Test
    void anEmptyBodyIsA400() {
        assertProblem(post("application/json", new byte[0]), 400, "empty body");
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsA413() {
        String padding = " ".repeat(64 * 1024);
        assertProblem(postJson("{\"lines\":[" + LINE + "]}" + padding), 413, "whitespace-padded body");
        assertProblem(postJson("{\"lines\":[" + lines(5_000) + "]}"), 413, "5,000 lines");
    }

    @Test
    void anythingButJsonIsA415() {
        byte[] body = ("{\"lines\":[" + LINE + "]}").getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"
        }) {
            assertProblem(post(type, body), 415, type);
        }
        assertProblem(post(null, body), 415, "no content type");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String orderId = "o".repeat(127) + "\u00e9";
        String longSku = "\uD83E\uDE91".repeat(128);
        HttpResponse<String> placed = postJson("{\"orderId\":\"" + orderId + "\",\"lines\":["
                + "{\"sku\":\"" + longSku + "\",\"qty\":1000000},"
                + "{\"sku\":\"caf\\u0065\\u0301-" + UUID.randomUUID() + "\",\"qty\":1}," + lines(98) + "]}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        assertThat(placed.headers().firstValue("location")).contains("/orders/" + "o".repeat(127) + "%C3%A9");
        HttpResponse<String> read = get("/orders/" + "o".repeat(127) + "%C3%A9");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(longSku).contains("\"qty\":1000000");
    }

    @Test
    void unknownFieldsAreIgnoredSoLaterContractVersionsStayReadable() {
        String orderId = "order-" + UUID.randomUUID();
        HttpResponse<String> placed = postJson("{\"orderId\":\"" + orderId + "\",\"channel\":\"web\",\"lines\":"
                + "[{\"sku\":\"LAMP\",\"qty\":2,\"gift\":true}]}");
        assertThat(placed.statusCode()).isEqualTo(202);
    }

    private static Arguments bad(String json, String field) {
        String what = json.length() > 80 ? json.substring(0, 80) + "... (" + json.length() + " chars)" : json;
        return Arguments.of(what, json.getBytes(StandardCharsets.UTF_8), field);
    }

    static String lines(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"sku\":\"SKU-" + i + "-" + UUID.randomUUID() + "\",\"qty\":1}")
                .collect(Collectors.joining(","));
    }
}
