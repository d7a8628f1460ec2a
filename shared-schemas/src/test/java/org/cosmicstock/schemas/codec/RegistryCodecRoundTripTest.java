package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryCodecRoundTripTest extends CodecRoundTripTests {

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final MessageCodec codec = registry.codec(RegistrationMode.REGISTER);

    @Override
    MessageCodec codec() {
        return codec;
    }

    @Test
    void readsSingleObjectEncodingToo() {
        Allocate allocate = new Allocate("order-1", "RED-CHAIR", 2);

        assertThat(codec.decode(MessageCodec.create().encode(allocate))).isEqualTo(allocate);
    }

    @Test
    void tellsWhichFormatItWrites() {
        assertThat(codec.writeFormat()).isEqualTo(WireFormat.SCHEMA_REGISTRY);
        assertThat(codec.contentType()).isEqualTo("application/avro; format=schema-registry");
        assertThat(MessageCodec.create().contentType()).isEqualTo("application/avro");
        Allocate allocate = new Allocate("order-1", "RED-CHAIR", 2);
        assertThat(MessageCodec.contentTypeOf(codec.encode(allocate))).isEqualTo(codec.contentType());
        assertThat(MessageCodec.contentTypeOf(MessageCodec.create().encode(allocate)))
                .isEqualTo("application/avro");
        assertThatThrownBy(() -> MessageCodec.contentTypeOf(new byte[] {'{'}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesMagicZeroAndTheIdTheRegistryGaveTheReleasedSchema(SpecificRecord message) {
        byte[] bytes = codec.encode(message);

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        String type = MessageCodec.typeName(message);
        List<Schema> registered = registry.versions(type);
        assertThat(registered)
                .as("every released version, oldest first")
                .hasSize(ReleasedSchemas.load().versionsOf(type).size());
        Schema current = registered.get(registered.size() - 1);
        assertThat(SchemaNormalization.parsingFingerprint64(current))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(message.getSchema()));
        assertThat(registry.add(type, current))
                .as("the id of the registered schema")
                .isEqualTo(id);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isReadableByAvroGivenTheSchemaTheIdStandsFor(SpecificRecord message) throws Exception {
        byte[] bytes = codec.encode(message);
        List<Schema> registered = registry.versions(MessageCodec.typeName(message));
        Schema writer = registered.get(registered.size() - 1);

        GenericRecord read = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(GenericData.get().toString(read)).isEqualTo(specificToGeneric(message, writer));
    }

    @Test
    void namesSubjectsPerTopicWhenAskedTo() {
        MessageCodec perTopic = MessageCodec.withRegistry(
                RegistryClient.connect(registry.url()),
                SubjectNameStrategy.TOPIC_RECORD_NAME,
                RegistrationMode.REGISTER);
        Allocate allocate = new Allocate("order-1", "RED-CHAIR", 2);

        byte[] bytes = perTopic.encode("allocation.commands", allocate);

        assertThat(registry.versions("allocation.commands-org.cosmicstock.schemas.commands.Allocate"))
                .hasSize(1);
        assertThat(perTopic.decode(bytes)).isEqualTo(allocate);
        assertThatThrownBy(() -> perTopic.encode(allocate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic-record subject naming needs the topic");
    }

    // The message as Avro's generic model prints it under the writer schema: same fields, same values.
    private static String specificToGeneric(SpecificRecord message, Schema writer) throws Exception {
        byte[] single = MessageCodec.create().encode(message);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(single, 10, single.length - 10, null));
        return GenericData.get().toString(generic);
    }
}
