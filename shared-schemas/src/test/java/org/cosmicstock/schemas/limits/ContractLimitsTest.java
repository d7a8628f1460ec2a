package org.cosmicstock.schemas.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractLimitsTest {

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
        assertThat(ContractLimits.identifier("sku", value)).isEqualTo(value);
    }

    @Test
    void countsCharactersNotUtf16UnitsOrBytes() {
        String emoji = "\uD83E\uDE91";
        assertThat(ContractLimits.identifier("sku", emoji.repeat(128))).hasSize(256);
        assertThat(ContractLimits.identifier("sku", "é".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> ContractLimits.identifier("sku", emoji.repeat(129)))
                .hasMessage("sku must be at most 128 characters");
        assertThatThrownBy(() -> ContractLimits.identifier("sku", "x".repeat(129)))
                .hasMessage("sku must be at most 128 characters");
        assertThatThrownBy(() -> ContractLimits.identifier("sku", "x".repeat(1_000_000)))
                .hasMessage("sku must be at most 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A B", "A\tB", "A\nB", "A\rB", "\u00A0AB", "A\u2003B", "A\u2028B", "A\u3000B", " "})
    void refusesWhitespaceOfEveryKind(String value) {
        assertThatThrownBy(() -> ContractLimits.identifier("orderId", value))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("orderId must not contain whitespace (found U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000B", "\u001B[31mRED", "A\u007FB", "A\u0085B", "A\u009BB"})
    void refusesControlCharacters(String value) {
        assertThatThrownBy(() -> ContractLimits.identifier("ref", value))
                .hasMessageStartingWith("ref must not contain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u200BB", "A\u200DB", "\u202ETABLE", "A\u2066B", "\uFEFFSKU", "A\u00ADB"})
    void refusesInvisibleFormattingCharacters(String value) {
        assertThatThrownBy(() -> ContractLimits.identifier("sku", value))
                .hasMessageStartingWith("sku must not contain an invisible formatting character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\uD800", "\uDC00B", "A\uDC00\uD800B"})
    void refusesLoneSurrogates(String value) {
        assertThatThrownBy(() -> ContractLimits.identifier("sku", value))
                .hasMessageStartingWith("sku must not contain a lone surrogate");
    }

    @Test
    void namesWhereTheBadCharacterIsWithoutEchoingTheValue() {
        assertThatThrownBy(() -> ContractLimits.identifier("lines[2].sku", "AB\nINFO forged"))
                .isInstanceOfSatisfying(
                        ContractViolation.class, v -> assertThat(v.field()).isEqualTo("lines[2].sku"))
                .hasMessage("lines[2].sku must not contain whitespace (found U+000A at character 2)")
                .message()
                .doesNotContain("forged");
    }

    @Test
    void refusesMissingAndEmptyIdentifiers() {
        assertThatThrownBy(() -> ContractLimits.identifier("orderId", null)).hasMessage("orderId is required");
        assertThatThrownBy(() -> ContractLimits.identifier("orderId", "")).hasMessage("orderId must not be empty");
    }

    @Test
    void quantitiesLieBetweenTheMinimumAndAMillion() {
        assertThat(ContractLimits.quantity("qty", 1, 1)).isEqualTo(1);
        assertThat(ContractLimits.quantity("qty", 1_000_000, 1)).isEqualTo(1_000_000);
        assertThat(ContractLimits.quantity("qty", 0, 0)).isZero();
        assertThatThrownBy(() -> ContractLimits.quantity("qty", 0, 1)).hasMessage("qty must be between 1 and 1000000");
        assertThatThrownBy(() -> ContractLimits.quantity("qty", -1, 0)).hasMessage("qty must be between 0 and 1000000");
        assertThatThrownBy(() -> ContractLimits.quantity("lines[0].qty", 1_000_001, 1))
                .hasMessage("lines[0].qty must be between 1 and 1000000");
        assertThatThrownBy(() -> ContractLimits.quantity("qty", Long.MAX_VALUE, 1))
                .isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> ContractLimits.quantity("qty", Integer.MIN_VALUE, 1))
                .isInstanceOf(ContractViolation.class);
    }

    @Test
    void anOrderHasOneToAHundredLines() {
        assertThat(ContractLimits.lines(1)).isEqualTo(1);
        assertThat(ContractLimits.lines(100)).isEqualTo(100);
        assertThatThrownBy(() -> ContractLimits.lines(0)).hasMessage("lines must hold between 1 and 100 lines");
        assertThatThrownBy(() -> ContractLimits.lines(101)).hasMessage("lines must hold between 1 and 100 lines");
    }
}
