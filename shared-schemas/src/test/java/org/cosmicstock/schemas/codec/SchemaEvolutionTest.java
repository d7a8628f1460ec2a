package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;

/** Producers and consumers upgrade at different times: each must read the other's released versions. */
class SchemaEvolutionTest {

    @Test
    void readsAMessageFromAnOlderProducerIntoTheCurrentClass() throws Exception {
        Schema older = TestSchemas.withoutField(ChangeBatchQuantity.getClassSchema(), "sku");
        MessageCodec codec = codecAlsoReleasing(older, ChangeBatchQuantity.getClassSchema());
        GenericRecord old = TestSchemas.record(older, "ref", "batch-1", "qty", 7);

        Object decoded = codec.decode(avroEncode(older, old));

        assertThat(decoded).isEqualTo(new ChangeBatchQuantity("batch-1", 7, null));
        assertThat(codec.typeOf(avroEncode(older, old)))
                .isEqualTo(ChangeBatchQuantity.getClassSchema().getFullName());
    }

    @Test
    void readsAnOlderCreateBatchWithoutEtaAsInTheWarehouse() throws Exception {
        Schema older = TestSchemas.withoutField(CreateBatch.getClassSchema(), "eta");
        MessageCodec codec = codecAlsoReleasing(older, CreateBatch.getClassSchema());
        GenericRecord old = TestSchemas.record(older, "ref", "batch-1", "sku", "LAMP", "qty", 3);

        assertThat(codec.decode(avroEncode(older, old))).isEqualTo(new CreateBatch("batch-1", "LAMP", 3, null));
    }

    @Test
    void readsAMessageFromANewerProducerDroppingWhatItDoesNotKnow() throws Exception {
        Schema current = Allocate.getClassSchema();
        Schema newer = TestSchemas.withOptionalNote(current);
        MessageCodec codec = codecAlsoReleasing(current, newer);
        GenericRecord message =
                TestSchemas.record(newer, "orderId", "order-1", "sku", "LAMP", "qty", 2, "note", "fragile");

        assertThat(codec.decode(avroEncode(newer, message))).isEqualTo(new Allocate("order-1", "LAMP", 2));
    }

    @Test
    void doesNotReadAVersionThatWasNeverReleased() throws Exception {
        Schema older = TestSchemas.withoutField(ChangeBatchQuantity.getClassSchema(), "sku");
        GenericRecord old = TestSchemas.record(older, "ref", "batch-1", "qty", 7);

        assertThat(catchThrowable(() -> MessageCodec.create().decode(avroEncode(older, old))))
                .isInstanceOf(UnknownSchemaException.class);
    }

    // The versions of one type replaced by the given ones, oldest first; the other types as released.
    private static MessageCodec codecAlsoReleasing(Schema... versions) {
        Map<String, List<Schema>> all = new HashMap<>(ReleasedSchemas.load().all());
        all.put(versions[0].getFullName(), List.of(versions));
        assertThat(CompatibilityCheck.violations(all)).isEmpty();
        return new MessageCodec(ReleasedSchemas.of(all));
    }

    // Avro's own single-object encoder, so these tests also prove the codec follows the specification.
    private static byte[] avroEncode(Schema schema, GenericRecord record) throws Exception {
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
                .encode(record)
                .array();
    }
}
