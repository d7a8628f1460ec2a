package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Permanent failures are MessageDecodingExceptions (dead-lettered); a registry that cannot answer is not (retried). */
class RegistryCodecErrorsTest {

    private static final String ALLOCATE = "org.cosmicstock.schemas.commands.Allocate";

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final MessageCodec codec = registry.codec(RegistrationMode.REGISTER);
    private final byte[] allocate = codec.encode(new Allocate("order-1", "RED-CHAIR", 2));

    @Test
    void anUnknownSchemaIdIsPermanent() {
        byte[] unknown = withId(allocate, 4242);

        Throwable thrown = catchThrowable(() -> codec.decode(unknown));

        assertThat(thrown)
                .isInstanceOf(UnknownSchemaIdException.class)
                .isInstanceOf(MessageDecodingException.class)
                .hasMessage(
                        "Unknown schema id 4242: the schema registry at " + registry.url()
                                + " has no schema with that id (written against another registry, deleted, or not registered yet)");
        assertThat(((UnknownSchemaIdException) thrown).schemaId()).isEqualTo(4242);
        assertThatThrownBy(() -> codec.typeOf(unknown)).isInstanceOf(UnknownSchemaIdException.class);
    }

    @Test
    void aRegistryThatIsDownIsTransient() {
        registry.stop();

        Throwable thrown = catchThrowable(() -> codec.decode(withId(allocate, 77)));

        assertThat(thrown)
                .isInstanceOf(RegistryUnavailableException.class)
                .isNotInstanceOf(MessageDecodingException.class)
                .hasMessageStartingWith(
                        "Reading schema id 77: the schema registry at " + registry.url() + " is unreachable (");
        assertThat(catchThrowable(() -> codec.typeOf(withId(allocate, 77))))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void aRegistryAnsweringServerErrorsIsTransientAndNotRemembered() {
        byte[] older = withId(allocate, 500);
        registry.put(500, releasedAllocate().toString(), "AVRO");
        registry.failWith(503);

        assertThatThrownBy(() -> codec.decode(older))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("answered HTTP 503");

        registry.failWith(0);
        assertThat(codec.decode(older)).isEqualTo(new Allocate("order-1", "RED-CHAIR", 2));
    }

    @Test
    void aUrlThatIsNotTheRegistryApiIsTransientNotAnUnknownId() {
        String wrongBase = registry.url().replace(FakeSchemaRegistry.API_PATH, "");
        MessageCodec misconfigured =
                MessageCodec.withRegistry(RegistryClient.connect(wrongBase), SubjectNameStrategy.RECORD_NAME);

        assertThatThrownBy(() -> misconfigured.decode(allocate))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("answered HTTP 404 with something that is not the Confluent-compatible API")
                .hasMessageContaining(".../apis/ccompat/v7");
    }

    @Test
    void aSchemaTheReaderCannotResolveIsPermanent() {
        Schema stringQty =
                TestSchemas.withFieldType(Allocate.getClassSchema(), "qty", Schema.create(Schema.Type.STRING));
        byte[] bytes = withId(allocate, registry.add("elsewhere", stringQty));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnresolvableSchemaException.class)
                .hasMessageStartingWith("Schema id ")
                .hasMessageContaining("(" + ALLOCATE + ") cannot be read as the current version of " + ALLOCATE)
                .hasMessageContaining("TYPE_MISMATCH");
    }

    @Test
    void aTypeOutsideTheContractIsPermanent() {
        Schema stranger = TestSchemas.renamed(Allocate.getClassSchema(), "com.example.Allocate");
        byte[] bytes = withId(allocate, registry.add("com.example.Allocate", stranger));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnresolvableSchemaException.class)
                .hasMessageContaining("is com.example.Allocate, not a message type of the contract");
        assertThatThrownBy(() -> codec.typeOf(bytes)).isInstanceOf(UnresolvableSchemaException.class);
    }

    @Test
    void aSchemaThatIsNotAvroIsPermanent() {
        registry.put(900, "syntax = \"proto3\"; message Allocate { string orderId = 1; }", "PROTOBUF");
        registry.put(901, "{\"type\": \"recor", "AVRO");

        assertThatThrownBy(() -> codec.decode(withId(allocate, 900)))
                .isInstanceOf(UnresolvableSchemaException.class)
                .hasMessage("Schema id 900 is a PROTOBUF schema, not Avro");
        assertThatThrownBy(() -> codec.decode(withId(allocate, 901)))
                .isInstanceOf(UnresolvableSchemaException.class)
                .hasMessageStartingWith("Schema id 901 is not a valid Avro schema");
    }

    @Test
    void aTruncatedHeaderOrBodyAndTrailingBytesAreMalformed() {
        for (int length = 1; length < allocate.length; length++) {
            byte[] prefix = Arrays.copyOf(allocate, length);
            String problem = length < 5 ? "truncated header" : "truncated body for " + ALLOCATE + " (schema id ";
            assertThatThrownBy(() -> codec.decode(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageStartingWith("Malformed message: " + problem);
        }
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(allocate, allocate.length + 1)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("Malformed message: 1 trailing byte after the body for " + ALLOCATE);
    }

    private static Schema releasedAllocate() {
        return ReleasedSchemas.load().versionsOf(ALLOCATE).get(0);
    }

    private static byte[] withId(byte[] message, int id) {
        byte[] copy = message.clone();
        RegistryHeader.write(copy, id);
        return copy;
    }
}
