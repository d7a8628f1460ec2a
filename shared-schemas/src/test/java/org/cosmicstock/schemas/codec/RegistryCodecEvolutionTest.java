package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registry readers resolve whatever compatible schema a producer registered, released here or not: outside
 * producers upgrade on their own schedule.
 */
class RegistryCodecEvolutionTest {

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final MessageCodec codec = registry.codec();

    @Test
    void readsAnOlderWriterWithAFieldFewer() throws Exception {
        Schema older = TestSchemas.withoutField(ChangeBatchQuantity.getClassSchema(), "sku");
        GenericRecord old = TestSchemas.record(older, "ref", "batch-1", "qty", 7);

        byte[] bytes = producedWith(older, old);

        assertThat(codec.decode(bytes)).isEqualTo(new ChangeBatchQuantity("batch-1", 7, null));
        assertThat(codec.typeOf(bytes))
                .isEqualTo(ChangeBatchQuantity.getClassSchema().getFullName());
    }

    @Test
    void readsANewerWriterWithAFieldMore() throws Exception {
        Schema newer = TestSchemas.withOptionalNote(Allocate.getClassSchema());
        GenericRecord message =
                TestSchemas.record(newer, "orderId", "order-1", "sku", "LAMP", "qty", 2, "note", "fragile");

        assertThat(codec.decode(producedWith(newer, message))).isEqualTo(new Allocate("order-1", "LAMP", 2));
    }

    // What a registry-aware serializer does: register the schema, write 0, the id, then the body.
    private byte[] producedWith(Schema schema, GenericRecord record) throws Exception {
        int id = registry.add(schema.getFullName(), schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
