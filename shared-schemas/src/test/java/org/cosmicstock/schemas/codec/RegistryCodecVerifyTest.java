package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.registry.RegisteredSchema;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import org.cosmicstock.schemas.registry.SchemaNotRegisteredException;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A producer checks at start-up that what it writes is registered, so that no message waits on a mistake. */
class RegistryCodecVerifyTest {

    private static final String EVENTS = "allocation.events";
    private static final List<Class<? extends SpecificRecord>> WRITTEN = List.of(BatchCreated.class, Allocated.class);

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final ReleasedSchemas released = ReleasedSchemas.load();

    @Test
    void verifyingFindsWhatDeliveryRegistered() {
        registerReleased("org.cosmicstock.schemas.events.BatchCreated");
        registerReleased("org.cosmicstock.schemas.events.Allocated");

        List<RegisteredSchema> found = codec(RegistrationMode.VERIFY).verifyWriters(EVENTS, WRITTEN);

        assertThat(found)
                .extracting(RegisteredSchema::subject)
                .containsExactly(
                        "org.cosmicstock.schemas.events.BatchCreated", "org.cosmicstock.schemas.events.Allocated");
        assertThat(found).noneSatisfy(entry -> assertThat(entry.registeredNow()).isTrue());
    }

    @Test
    void verifyingFailsAtStartUpNamingWhatIsMissingAndHowToFixIt() {
        registerReleased("org.cosmicstock.schemas.events.BatchCreated");

        assertThatThrownBy(() -> codec(RegistrationMode.VERIFY).verifyWriters(EVENTS, WRITTEN))
                .isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessage("Schema of org.cosmicstock.schemas.events.Allocated is not registered under subject"
                        + " 'org.cosmicstock.schemas.events.Allocated' in the schema registry at " + registry.url()
                        + ". Register the released schemas as part of delivery (java -cp"
                        + " 'shared-schemas/target/shared-schemas-<version>.jar:shared-schemas/target/lib/*'"
                        + " org.cosmicstock.schemas.tools.RegisterSchemas --registry-url " + registry.url()
                        + "), or let the service register them at start-up (registration mode 'register').");
        assertThat(registry.versions("org.cosmicstock.schemas.events.Allocated"))
                .isEmpty();
    }

    @Test
    void registeringPutsEveryReleasedVersionInAndSetsTheCompatibility() {
        List<RegisteredSchema> done =
                codec(RegistrationMode.REGISTER).verifyWriters("allocation.commands", List.of(Allocate.class));

        assertThat(done)
                .singleElement()
                .satisfies(entry -> assertThat(entry.registeredNow()).isTrue());
        assertThat(registry.versions("org.cosmicstock.schemas.commands.Allocate"))
                .isEqualTo(released.versionsOf("org.cosmicstock.schemas.commands.Allocate"));
        assertThat(registry.compatibility("org.cosmicstock.schemas.commands.Allocate"))
                .hasValue("FULL_TRANSITIVE");
    }

    @Test
    void aSingleObjectCodecHasNothingToVerify() {
        assertThat(MessageCodec.create().verifyWriters(EVENTS, WRITTEN)).isEmpty();
    }

    @Test
    void anUnreachableRegistryFailsTheCheck() {
        registry.stop();

        assertThatThrownBy(() -> codec(RegistrationMode.VERIFY).verifyWriters(EVENTS, WRITTEN))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    private void registerReleased(String type) {
        released.versionsOf(type).forEach(schema -> registry.add(type, schema));
    }

    private MessageCodec codec(RegistrationMode mode) {
        return registry.codec(mode);
    }
}
