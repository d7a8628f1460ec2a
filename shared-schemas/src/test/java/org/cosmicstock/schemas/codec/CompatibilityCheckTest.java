package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;

class CompatibilityCheckTest {

    private static final String ALLOCATE = "org.cosmicstock.schemas.commands.Allocate";
    private final Schema v1 = Allocate.getClassSchema();

    @Test
    void acceptsANewOptionalFieldWithADefault() {
        Schema v2 = TestSchemas.withOptionalNote(v1);

        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of(v1, v2))))
                .isEmpty();
    }

    @Test
    void rejectsANewFieldWithoutADefault() {
        Schema v2 = TestSchemas.withField(v1, new Field("priority", Schema.create(Type.INT), "Priority."));

        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of(v1, v2))))
                .singleElement(STRING)
                .startsWith(ALLOCATE + " v2 cannot read data written by v1: READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("priority");
    }

    @Test
    void rejectsAChangedFieldTypeInBothDirections() {
        Schema v2 = TestSchemas.withFieldType(v1, "qty", Schema.create(Type.STRING));

        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of(v1, v2))))
                .hasSize(2)
                .anySatisfy(
                        v -> assertThat(v).startsWith(ALLOCATE + " v2 cannot read data written by v1: TYPE_MISMATCH"))
                .anySatisfy(
                        v -> assertThat(v).startsWith(ALLOCATE + " v1 cannot read data written by v2: TYPE_MISMATCH"));
    }

    @Test
    void rejectsARemovedRequiredFieldBecauseOldReadersNeedIt() {
        Schema v2 = TestSchemas.withoutField(v1, "sku");

        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of(v1, v2))))
                .singleElement(STRING)
                .startsWith(ALLOCATE + " v1 cannot read data written by v2");
    }

    @Test
    void checksEveryEarlierVersionNotOnlyThePreviousOne() {
        Schema v2 = TestSchemas.withOptionalNote(v1);
        Schema v3 = TestSchemas.withField(
                TestSchemas.withoutField(v2, "note"), new Field("note", Schema.create(Type.INT), "Changed.", 0));

        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of(v1, v2, v3))))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("v3").contains("v2"))
                .noneSatisfy(v -> assertThat(v).contains("v1"));
    }

    @Test
    void rejectsAVersionFiledUnderTheWrongType() {
        Schema misfiled = TestSchemas.renamed(v1, "org.cosmicstock.schemas.events.Allocated");

        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of(v1, misfiled))))
                .contains(
                        ALLOCATE + " v2: full name is org.cosmicstock.schemas.events.Allocated, expected " + ALLOCATE);
    }

    @Test
    void rejectsATypeWithoutVersions() {
        assertThat(CompatibilityCheck.violations(Map.of(ALLOCATE, List.of())))
                .containsExactly(ALLOCATE + ": no released version");
    }

    private static Schema optionalString() {
        return Schema.createUnion(Schema.create(Type.NULL), Schema.create(Type.STRING));
    }
}
