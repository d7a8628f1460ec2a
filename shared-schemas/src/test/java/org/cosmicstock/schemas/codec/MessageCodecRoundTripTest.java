package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecRoundTripTest extends CodecRoundTripTests {

    private final MessageCodec codec = MessageCodec.create();

    @Override
    MessageCodec codec() {
        return codec;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesSingleObjectEncodingWithTheWriterFingerprint(SpecificRecord message) {
        byte[] bytes = codec.encode(message);

        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(message.getSchema()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isReadableByAvrosOwnSingleObjectDecoder(SpecificRecord message) throws Exception {
        BinaryMessageDecoder<SpecificRecord> avro = new BinaryMessageDecoder<>(SpecificData.get(), message.getSchema());

        assertThat(avro.decode(codec.encode(message))).isEqualTo(message);
    }

    @Test
    void keepsOptionalFieldsNullOrSet() {
        CreateBatch inWarehouse = (CreateBatch) codec.decode(codec.encode(new CreateBatch("b1", "LAMP", 3, null)));
        CreateBatch shipping =
                (CreateBatch) codec.decode(codec.encode(new CreateBatch("b2", "LAMP", 3, LocalDate.of(2026, 2, 28))));
        ChangeBatchQuantity keyedByRef =
                (ChangeBatchQuantity) codec.decode(codec.encode(new ChangeBatchQuantity("b1", 1, null)));

        assertThat(inWarehouse.getEta()).isNull();
        assertThat(shipping.getEta()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(keyedByRef.getSku()).isNull();
    }

    @Test
    void typeNameIsTheAvroFullName() {
        assertThat(MessageCodec.typeName(new Allocate("o", "s", 1)))
                .isEqualTo("org.cosmicstock.schemas.commands.Allocate");
    }

    @Test
    void refusesToEncodeASchemaThatIsNotReleased() {
        MessageCodec nothingReleased = new MessageCodec(ReleasedSchemas.of(Map.of()));

        assertThatThrownBy(() -> nothingReleased.encode(new Allocate("o", "s", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.cosmicstock.schemas.commands.Allocate")
                .hasMessageContaining("not a released version");
    }

    @Test
    void refusesToEncodeAMessageMissingARequiredField() {
        assertThatThrownBy(() -> codec.encode(new Allocate(null, "s", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot encode org.cosmicstock.schemas.commands.Allocate");
    }
}
