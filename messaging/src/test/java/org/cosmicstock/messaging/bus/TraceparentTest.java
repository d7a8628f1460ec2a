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
    void aChildKeepsTheTraceIdAndFlagsWithANewSpanId() {
        String child = Traceparent.childOf(PARENT);

        assertThat(Traceparent.isValid(child)).isTrue();
        assertThat(traceId(child)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(spanId(child)).isNotEqualTo("00f067aa0ba902b7");
        assertThat(child).startsWith("00-").endsWith("-01");
    }

    @Test
    void aChildKeepsAnUnsampledFlag() {
        String unsampled = PARENT.substring(0, 53) + "00";

        assertThat(Traceparent.childOf(unsampled)).endsWith("-00");
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

        String child = Traceparent.childOf(invalid);

        assertThat(Traceparent.isValid(child)).isTrue();
        assertThat(traceId(child)).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
