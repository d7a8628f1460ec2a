package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each schema id costs one request per process, each written schema one lookup. */
class RegistryCodecCacheTest {

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final Schema allocateV1 = ReleasedSchemas.load()
            .versionsOf("org.cosmicstock.schemas.commands.Allocate")
            .get(0);

    @Test
    void aSecondDecodeOfTheSameIdMakesNoRequest() {
        byte[] bytes = encodedBy(producer(), new Allocate("order-1", "RED-CHAIR", 2));
        MessageCodec consumer = consumer();

        consumer.decode(bytes);
        int afterFirst = registry.requestCount();
        consumer.decode(bytes);
        consumer.typeOf(bytes);

        assertThat(registry.requestCount()).isEqualTo(afterFirst);
        assertThat(registry.requests()).containsOnlyOnce("GET /schemas/ids/" + RegistryHeader.readSchemaId(bytes));
    }

    @Test
    void aPermanentFailureIsRememberedButAnUnknownIdIsAskedAgain() {
        Schema wrong = TestSchemas.withFieldType(allocateV1, "qty", Schema.create(Schema.Type.STRING));
        byte[] unresolvable = encodedBy(producer(), new Allocate("order-1", "RED-CHAIR", 2));
        RegistryHeader.write(unresolvable, registry.add("elsewhere", wrong));
        byte[] unknown = unresolvable.clone();
        RegistryHeader.write(unknown, 999);
        MessageCodec consumer = consumer();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> consumer.decode(unresolvable)).isInstanceOf(UnresolvableSchemaException.class);
            assertThatThrownBy(() -> consumer.decode(unknown)).isInstanceOf(UnknownSchemaIdException.class);
        }

        List<String> requests = registry.requests();
        assertThat(requests.stream().filter(r -> r.equals("GET /schemas/ids/999")))
                .hasSize(2);
        assertThat(requests.stream()
                        .filter(r -> r.equals("GET /schemas/ids/" + RegistryHeader.readSchemaId(unresolvable))))
                .hasSize(1);
    }

    /**
     * An id unknown when first met (a producer that registered its schema a moment after this reader looked) is
     * read once the registry has it: nothing about it was remembered. A consumer retrying such a message for a
     * while then reads it instead of dead-lettering it.
     */
    @Test
    void anIdRegisteredAfterItWasFirstUnknownIsReadOnTheNextAttempt() {
        MessageCodec consumer = consumer();
        int id = 4711;
        byte[] bytes = encodedBy(producer(), new Allocate("order-1", "RED-CHAIR", 2));
        RegistryHeader.write(bytes, id);

        assertThatThrownBy(() -> consumer.decode(bytes))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("not registered yet");
        assertThatThrownBy(() -> consumer.typeOf(bytes)).isInstanceOf(UnknownSchemaIdException.class);
        registry.put(id, allocateV1.toString(), "AVRO");

        assertThat(consumer.typeOf(bytes)).isEqualTo(allocateV1.getFullName());
        assertThat(consumer.decode(bytes)).isEqualTo(new Allocate("order-1", "RED-CHAIR", 2));
    }

    @Test
    void verifiedWritersEncodeWithoutAnyRequest() {
        registry.add(allocateV1.getFullName(), allocateV1);
        MessageCodec producer = registry.codec();
        producer.verifyWriters("allocation.commands", List.of(Allocate.class));
        int afterVerify = registry.requestCount();

        producer.encode(new Allocate("order-1", "RED-CHAIR", 2));
        producer.encode("allocation.commands", new Allocate("order-2", "RED-CHAIR", 3));

        assertThat(registry.requestCount()).isEqualTo(afterVerify);
    }

    @Test
    void aWriterIsLookedUpOncePerSchema() {
        MessageCodec producer = producer();

        producer.encode(new Allocate("order-1", "RED-CHAIR", 2));
        int afterFirst = registry.requestCount();
        producer.encode(new Allocate("order-2", "RED-CHAIR", 3));
        producer.encode(new Allocated("order-1", "RED-CHAIR", 2, "batch-1", 3));

        assertThat(registry.requests().subList(afterFirst, registry.requestCount()))
                .allSatisfy(request -> assertThat(request).contains("org.cosmicstock.schemas.events.Allocated"));
    }

    private MessageCodec producer() {
        return registry.codec(RegistrationMode.REGISTER);
    }

    private MessageCodec consumer() {
        return registry.codec();
    }

    private static byte[] encodedBy(MessageCodec codec, Allocate message) {
        return codec.encode(message);
    }
}
