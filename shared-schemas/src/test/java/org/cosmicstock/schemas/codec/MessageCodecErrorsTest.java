package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecErrorsTest {

    private final MessageCodec codec = MessageCodec.create();
    private final byte[] allocate = codec.encode(new Allocate("order-1", "RED-CHAIR", 2));

    static List<SpecificRecord> samples() {
        return SampleMessages.all();
    }

    @Test
    void nullAndEmptyAreMalformed() {
        assertThatThrownBy(() -> codec.decode(null))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Malformed message: empty message");
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Malformed message: empty message");
        assertThatThrownBy(() -> codec.typeOf(new byte[0])).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void garbageIsNotSingleObjectEncoding() {
        byte[] text = "{\"orderId\":\"order-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(text))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Malformed message: not Avro single-object encoding (first bytes 0x7B226F72)");
        assertThatThrownBy(() -> codec.typeOf(new byte[] {(byte) 0xC3, 0x02}))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("not Avro single-object encoding (first bytes 0xC302)");
    }

    @Test
    void registryWireFormatWithoutARegistryIsRefusedSayingSo() {
        // Since the registry codec exists, a codec built without one still recognises the format and says what is
        // missing, instead of calling the bytes garbage; permanent, since retrying cannot configure a registry.
        byte[] registry = {0, 0, 0, 0, 42, 14, 111, 114, 100};

        assertThatThrownBy(() -> codec.decode(registry))
                .isInstanceOf(UnsupportedWireFormatException.class)
                .hasMessage("Unsupported wire format: the schema-registry format (magic byte 0, schema id 42), but no"
                        + " schema registry is configured here to look the schema up; configure one, or send Avro"
                        + " single-object encoding (C3 01)");
        assertThatThrownBy(() -> codec.typeOf(registry)).isInstanceOf(UnsupportedWireFormatException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {0, 0}))
                .isInstanceOf(UnsupportedWireFormatException.class)
                .hasMessageContaining("schema id ?");
    }

    @Test
    void unknownFingerprintIsNamed() {
        byte[] unknown = allocate.clone();
        unknown[2] ^= 0x55;

        Throwable thrown = catchThrowable(() -> codec.decode(unknown));

        assertThat(thrown)
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageMatching(
                        "Unknown schema fingerprint 0x[0-9a-f]{16} \\(not a released version of any message type this reader"
                                + " knows; .*\\)");
        long fingerprint = ((UnknownSchemaException) thrown).fingerprint();
        assertThat(thrown.getMessage()).contains(String.format("0x%016x", fingerprint));
        assertThatThrownBy(() -> codec.typeOf(unknown)).isInstanceOf(UnknownSchemaException.class);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTruncationIsMalformed(SpecificRecord message) {
        byte[] bytes = codec.encode(message);
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            String problem = length == 0
                    ? "empty message"
                    : length < 10 ? "truncated header" : "truncated body for " + MessageCodec.typeName(message);
            assertThatThrownBy(() -> codec.decode(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageStartingWith("Malformed message: " + problem);
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] longer = Arrays.copyOf(allocate, allocate.length + 2);

        assertThatThrownBy(() -> codec.decode(longer))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("Malformed message: 2 trailing bytes after the body for "
                        + "org.cosmicstock.schemas.commands.Allocate (fingerprint 0x");
    }

    @Test
    void negativeLengthIsMalformed() {
        byte[] negative = allocate.clone();
        negative[10] = 0x01; // zig-zag -1 as the length of orderId

        assertThatThrownBy(() -> codec.decode(negative))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("invalid body for org.cosmicstock.schemas.commands.Allocate")
                .hasMessageContaining("negative");
    }
}
