package org.cosmicstock.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceparentTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aNewTraceIsVersionZeroTraceIdSpanIdAndSampled() {
        String traceparent = Traceparent.random();

        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(Traceparent.isValid(traceparent)).isTrue();
    }

    @Test
    void everyNewTraceHasItsOwnTraceId() {
        assertThat(traceId(Traceparent.random())).isNotEqualTo(traceId(Traceparent.random()));
    }

    @Test
    void aNewFlowContinuesTheTraceOfItsRequestAndWhatItCausesCarriesTheSameContext() {
        MessageContext flow = MessageContext.newFlow("/orders-service", PARENT);
        MessageContext caused = flow.causing("/orders-service", "allocate-1");

        assertThat(flow.traceparent()).isEqualTo(PARENT);
        assertThat(caused.traceparent()).isEqualTo(PARENT);
        assertThat(caused.causationId()).isEqualTo(flow.messageId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            })
    void anInvalidParentStartsANewTrace(String invalid) {
        assertThat(Traceparent.isValid(invalid)).isFalse();

        String flow = MessageContext.newFlow("/orders-service", invalid).traceparent();

        assertThat(Traceparent.isValid(flow)).isTrue();
        assertThat(traceId(flow)).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }
}
