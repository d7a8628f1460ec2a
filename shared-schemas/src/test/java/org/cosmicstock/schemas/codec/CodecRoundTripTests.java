package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of the contract decodes to what was encoded, and its type is read without decoding it; one subclass
 * per wire format checks its bytes too.
 */
abstract class CodecRoundTripTests {

    /** The codec under test. */
    abstract MessageCodec codec();

    static List<SpecificRecord> samples() {
        return SampleMessages.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void decodesWhatItEncodes(SpecificRecord message) {
        SpecificRecord decoded = codec().decode(codec().encode(message));

        assertThat(decoded).isInstanceOf(message.getClass()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void namesTheTypeWithoutDecodingTheBody(SpecificRecord message) {
        assertThat(codec().typeOf(codec().encode(message)))
                .isEqualTo(MessageCodec.typeName(message))
                .isEqualTo(message.getSchema().getFullName());
    }
}
