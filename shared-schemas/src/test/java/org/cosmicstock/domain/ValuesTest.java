package org.cosmicstock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's limits on ids, refs, SKUs and quantities, checked when a value is built. */
class ValuesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A",
                "SMALL-TABLE",
                "order-1",
                "batch_2026.01/7",
                "Größe-42",
                "椅子-红色",
                "e\u0301te", // a combining acute accent is part of a letter, not a control
                "\uD83E\uDE91-CHAIR" // a supplementary character (a surrogate pair) counts once
            })
    void acceptsIdentifiersOfEveryScript(String value) {
        assertThat(Sku.of("sku", value).value()).isEqualTo(value);
    }

    @Test
    void countsCharactersNotUtf16UnitsOrBytes() {
        String emoji = "\uD83E\uDE91";
        assertThat(new Sku(emoji.repeat(128)).value()).hasSize(256);
        assertThat(new Sku("é".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new Sku(emoji.repeat(129))).hasMessage("sku must be at most 128 characters");
        assertThatThrownBy(() -> new Sku("x".repeat(129))).hasMessage("sku must be at most 128 characters");
        assertThatThrownBy(() -> new Sku("x".repeat(1_000_000))).hasMessage("sku must be at most 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A B", "A\tB", "A\nB", "A\rB", "\u00A0AB", "A\u2003B", "A\u2028B", "A\u3000B", " "})
    void refusesWhitespaceOfEveryKind(String value) {
        assertThatThrownBy(() -> new OrderId(value))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("orderId must not contain whitespace (found U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000B", "\u001B[31mRED", "A\u007FB", "A\u0085B", "A\u009BB"})
    void refusesControlCharacters(String value) {
        assertThatThrownBy(() -> new BatchRef(value)).hasMessageStartingWith("ref must not contain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u200BB", "A\u200DB", "\u202ETABLE", "A\u2066B", "\uFEFFSKU", "A\u00ADB"})
    void refusesInvisibleFormattingCharacters(String value) {
        assertThatThrownBy(() -> new Sku(value))
                .hasMessageStartingWith("sku must not contain an invisible formatting character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\uD800", "\uDC00B", "A\uDC00\uD800B"})
    void refusesLoneSurrogates(String value) {
        assertThatThrownBy(() -> new Sku(value)).hasMessageStartingWith("sku must not contain a lone surrogate");
    }

    @Test
    void namesWhereTheBadCharacterIsWithoutEchoingTheValue() {
        assertThatThrownBy(() -> Sku.of("lines[2].sku", "AB\nINFO forged"))
                .isInstanceOfSatisfying(
                        ContractViolation.class, v -> assertThat(v.field()).isEqualTo("lines[2].sku"))
                .hasMessage("lines[2].sku must not contain whitespace (found U+000A at character 2)")
                .message()
                .doesNotContain("forged");
    }

    @Test
    void refusesMissingAndEmptyIdentifiers() {
        assertThatThrownBy(() -> new OrderId(null)).hasMessage("orderId is required");
        assertThatThrownBy(() -> new OrderId("")).hasMessage("orderId must not be empty");
    }

    @Test
    void quantitiesLieBetweenTheMinimumAndAMillion() {
        assertThat(Quantity.of("qty", 1).value()).isEqualTo(1);
        assertThat(Quantity.of("qty", 1_000_000).value()).isEqualTo(1_000_000);
        assertThat(Quantity.orZero("qty", 0).isZero()).isTrue();
        assertThatThrownBy(() -> Quantity.of("qty", 0)).hasMessage("qty must be between 1 and 1000000");
        assertThatThrownBy(() -> Quantity.orZero("qty", -1)).hasMessage("qty must be between 0 and 1000000");
        assertThatThrownBy(() -> Quantity.of("lines[0].qty", 1_000_001))
                .hasMessage("lines[0].qty must be between 1 and 1000000");
        assertThatThrownBy(() -> Quantity.of("qty", Long.MAX_VALUE)).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> Quantity.of("qty", Integer.MIN_VALUE)).isInstanceOf(ContractViolation.class);
    }

    @Test
    void aValueBuiltWithoutAFieldNamesItsOwnAndOneBuiltForAFieldNamesThatField() {
        assertThatThrownBy(() -> new BatchRef("")).hasMessage("ref must not be empty");
        assertThatThrownBy(() -> BatchRef.of("--ref", "")).hasMessage("--ref must not be empty");
        assertThatThrownBy(() -> OrderId.of("lines[1].orderId", null)).hasMessage("lines[1].orderId is required");
        assertThatThrownBy(() -> new Quantity(-1)).hasMessage("qty must be between 0 and 1000000");
    }

    @Test
    void theStockViewAsksWithoutAnException() {
        assertThat(Sku.isValid("SMALL-TABLE")).isTrue();
        assertThat(Sku.problem("SMALL-TABLE")).isNull();
        assertThat(Sku.problem("")).isEqualTo("must not be empty");
        assertThat(Sku.problem("A B")).startsWith("must not contain whitespace");
        assertThat(Sku.isValid("x".repeat(129))).isFalse();
    }

    @Test
    void valuesAreEqualByWhatTheyHold() {
        assertThat(new Sku("A")).isEqualTo(Sku.of("lines[0].sku", "A")).hasToString("A");
        assertThat(Quantity.of(3)).isEqualTo(new Quantity(3)).hasToString("3");
    }
}
