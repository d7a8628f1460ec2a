package org.cosmicstock.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaRegistrationTest {

    private static final String SUBJECT = "org.cosmicstock.schemas.commands.Allocate";

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final SchemaRegistration registration =
            new SchemaRegistration(RegistryClient.connect(registry.url()), SchemaRegistration.DEFAULT_COMPATIBILITY);
    private final Schema v1 = Allocate.getClassSchema();
    private final Schema v2 = TestSchemas.withOptionalNote(v1);

    @Test
    void registersEveryVersionOldestFirstAndSetsTheCompatibility() {
        List<RegisteredSchema> done = registration.register(SUBJECT, List.of(v1, v2));

        assertThat(registry.versions(SUBJECT)).containsExactly(v1, v2);
        assertThat(registry.compatibility(SUBJECT)).hasValue("FULL_TRANSITIVE");
        assertThat(done).extracting(RegisteredSchema::version).containsExactly(1, 2);
        assertThat(done).allSatisfy(entry -> assertThat(entry.registeredNow()).isTrue());
        assertThat(done.get(0).describe())
                .isEqualTo(SUBJECT + " v1: registered, id " + done.get(0).id() + " (subject " + SUBJECT + ")");
    }

    @Test
    void registeringAgainChangesNothing() {
        List<RegisteredSchema> first = registration.register(SUBJECT, List.of(v1, v2));

        List<RegisteredSchema> again = registration.register(SUBJECT, List.of(v1, v2));

        assertThat(again)
                .extracting(RegisteredSchema::id)
                .isEqualTo(first.stream().map(RegisteredSchema::id).toList());
        assertThat(again).noneSatisfy(entry -> assertThat(entry.registeredNow()).isTrue());
        assertThat(registry.versions(SUBJECT)).hasSize(2);
    }

    @Test
    void aVersionIncompatibleWithAnyEarlierOneIsRefusedWithTheRegistrysMessage() {
        // v2 gives v1's required qty a default, v3 drops it: each step is fine, but v1 cannot read v3.
        Schema qtyWithDefault = TestSchemas.withField(
                TestSchemas.withoutField(v1, "qty"), new Field("qty", Schema.create(Schema.Type.INT), "Qty.", 1));
        Schema withoutQty = TestSchemas.withoutField(v1, "qty");

        assertThatThrownBy(() -> registration.register(SUBJECT, List.of(v1, qtyWithDefault, withoutQty)))
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("incompatible with an earlier schema for subject \"" + SUBJECT + "\"")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("FULL_TRANSITIVE");
        assertThat(registry.versions(SUBJECT)).containsExactly(v1, qtyWithDefault);

        SchemaRegistration stepByStep = new SchemaRegistration(RegistryClient.connect(registry.url()), "FULL");
        assertThat(stepByStep.register("non-transitive", List.of(v1, qtyWithDefault, withoutQty)))
                .as("the same history under FULL, which only checks the latest version")
                .hasSize(3);
    }
}
