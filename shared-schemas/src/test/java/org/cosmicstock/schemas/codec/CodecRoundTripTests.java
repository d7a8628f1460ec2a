package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample of the contract decodes to what was encoded; one subclass per wire format checks its bytes too. */
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
}
