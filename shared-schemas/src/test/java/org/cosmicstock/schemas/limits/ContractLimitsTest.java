package org.cosmicstock.schemas.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractLimitsTest {

    @Test
    void anOrderHasOneToAHundredLines() {
        assertThat(ContractLimits.lines(1)).isEqualTo(1);
        assertThat(ContractLimits.lines(100)).isEqualTo(100);
        assertThatThrownBy(() -> ContractLimits.lines(0)).hasMessage("lines must hold between 1 and 100 lines");
        assertThatThrownBy(() -> ContractLimits.lines(101)).hasMessage("lines must hold between 1 and 100 lines");
    }
}
