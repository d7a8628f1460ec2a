package org.cosmicstock.stockview.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed values thrown at both queries: each is a 400 problem+json naming the field it broke,
 * never a 5xx and never an answer. The values arrive percent-encoded, as a client must send them.
 */
@WebMvcTest
@ContextConfiguration(classes = StockControllerTest.Fixture.class)
class MalformedQueryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> malformedSkus() {
        return Stream.of(
                Arguments.of("129 characters", "A".repeat(129)),
                Arguments.of("a megabyte", "B".repeat(1 << 20)),
                Arguments.of("128 emoji and one more", "\uD83D\uDCE6".repeat(129)),
                Arguments.of("a space", "RED CHAIR"),
                Arguments.of("a tab", "RED\tCHAIR"),
                Arguments.of("a newline", "RED-CHAIR\n"),
                Arguments.of("CR LF", "RED\r\nX-Injected: yes"),
                Arguments.of("NUL", "RED\u0000CHAIR"),
                Arguments.of("DEL", "RED\u007FCHAIR"),
                Arguments.of("a C1 control", "RED\u0085CHAIR"),
                Arguments.of("a zero-width space", "RED\u200BCHAIR"),
                Arguments.of("a zero-width joiner", "RED\u200DCHAIR"),
                Arguments.of("a right-to-left mark", "\u200FRED-CHAIR"),
                Arguments.of("a right-to-left override", "RED-\u202ERIAHC"),
                Arguments.of("a byte-order mark", "\uFEFFRED-CHAIR"),
                Arguments.of("a no-break space", "RED\u00A0CHAIR"),
                Arguments.of("an ideographic space", "RED\u3000CHAIR"),
                Arguments.of("a line separator", "RED\u2028CHAIR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSkus")
    void aMalformedSkuIsA400NamingTheSku(String what, String sku) throws Exception {
        for (String path : new String[] {"/stock/" + encode(sku), "/stock/" + encode(sku) + "/availability?qty=1"}) {
            assertProblem(path, "sku");
        }
    }

    /**
     * Bytes that are not UTF-8 (a surrogate encoded as if it were a character, an overlong slash, a
     * stray byte): a lone surrogate cannot reach the SKU through a URL, since decoding replaces it,
     * but whatever the bytes become, the answer is a 4xx problem, never a 5xx.
     */
    @ParameterizedTest
    @ValueSource(strings = {"RED%ED%A0%80", "%ED%B0%80RED", "%C0%AF", "%FF%FE", "RED%F4%90%80%80"})
    void bytesThatAreNotUtf8AreNeverA5xx(String sku) throws Exception {
        for (String path : new String[] {"/stock/" + sku, "/stock/" + sku + "/availability?qty=1"}) {
            MvcResult result = mvc.perform(get(URI.create(path))).andReturn();
            assertThat(result.getResponse().getStatus()).as("GET " + path).isBetween(400, 499);
            assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
                    .matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        }
    }

    static Stream<Arguments> malformedQuantities() {
        return Stream.of(
                Arguments.of("zero", "0"),
                Arguments.of("negative", "-5"),
                Arguments.of("a million and one", "1000001"),
                Arguments.of("beyond int", "2147483648"),
                Arguments.of("beyond long", "99999999999999999999999999"),
                Arguments.of("a megabyte of digits", "9".repeat(1 << 20)),
                Arguments.of("a fraction", "2.5"),
                Arguments.of("an exponent", "1e3"),
                Arguments.of("hexadecimal", "0x10"),
                Arguments.of("a plus sign", "+3"),
                Arguments.of("surrounding spaces", " 3 "),
                Arguments.of("Arabic-Indic digits", "\u0663"),
                Arguments.of("full-width digits", "\uFF13"),
                Arguments.of("NUL", "3\u0000"),
                Arguments.of("a newline", "3\n"),
                Arguments.of("a word", "three"),
                Arguments.of("empty", ""),
                Arguments.of("two values", "1&qty=2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedQuantities")
    void aMalformedQuantityIsA400NamingTheQuantity(String what, String qty) throws Exception {
        String encoded = qty.contains("&") ? qty : encode(qty);
        assertProblem("/stock/RED-CHAIR/availability?qty=" + encoded, "qty");
    }

    private void assertProblem(String path, String field) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(path))).andReturn();
        int status = result.getResponse().getStatus();
        assertThat(status).as("status of GET %.80s", path).isEqualTo(400);
        assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
                .matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).startsWith(field + " ").hasSizeLessThan(200);
    }

    /** Percent-encodes every byte of the UTF-8 form but letters, digits and '-'. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
