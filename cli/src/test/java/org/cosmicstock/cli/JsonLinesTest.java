package org.cosmicstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void textHeadersAreTextAndBinaryOnesHex() {
        assertThat(JsonLines.headerText("allocation.commands".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("allocation.commands");
        assertThat(JsonLines.headerText("Ünknown batch ✓".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Ünknown batch ✓");
        assertThat(JsonLines.headerText(ByteBuffer.allocate(8).putLong(2).array()))
                .as("kafka_dlt-original-offset: a big-endian long, valid UTF-8 but NULs")
                .isEqualTo("0x0000000000000002");
        assertThat(JsonLines.headerText(new byte[] {0, 1, 2, (byte) 0xFF})).isEqualTo("0x000102ff");
        assertThat(JsonLines.headerText(null)).isNull();
    }
}
