package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.testing.ContractDocs;
import org.cosmicstock.schemas.testing.ContractRoles;
import org.junit.jupiter.api.Test;

/**
 * Field names and types are the public contract (CONTRACT.md): a type's first version states them, and every
 * later version only adds fields after them. Every type declares who writes it and which services act on it
 * ({@link ContractRoles}).
 */
class ContractFieldsTest {

    private static final Set<String> SERVICES = Set.of("allocation-service", "orders-service", "stock-view-service");

    @Test
    void everyVersionKeepsTheFieldsOfTheFirst() {
        ReleasedSchemas.load().all().forEach((type, versions) -> {
            String contract = describe(versions.get(0));
            versions.forEach(schema -> assertThat(describe(schema))
                    .as("%s v%d against the fields of v1", type, versions.indexOf(schema) + 1)
                    .startsWith(contract));
        });
    }

    @Test
    void everyTypeDeclaresWhoWritesItAndTheSuitesServicesThatActOnIt() {
        MessageTypes.all().forEach(type -> {
            ContractRoles.Roles roles = ContractRoles.of(type);
            assertThat(roles.writtenBy()).as("who writes %s", roles.type()).isNotEmpty();
            assertThat(SERVICES)
                    .as("the services acting on %s are the suite's", roles.type())
                    .containsAll(roles.actedOnBy());
        });
    }

    @Test
    void noReleasedVersionCarriesTheRoles() {
        // A registry keeps the released text: who writes a type and who acts on it are no part of it.
        ReleasedSchemas.load()
                .all()
                .forEach((type, versions) -> versions.forEach(schema -> assertThat(schema.getObjectProps())
                        .as("%s v%d", type, versions.indexOf(schema) + 1)
                        .doesNotContainKeys(ContractRoles.WRITTEN_BY, ContractRoles.ACTED_ON_BY)));
    }

    @Test
    void everyTypeAndFieldIsDocumented() {
        ReleasedSchemas.load()
                .all()
                .values()
                .forEach(versions -> versions.forEach(schema -> {
                    assertThat(schema.getDoc()).as("%s", schema.getFullName()).isNotBlank();
                    schema.getFields()
                            .forEach(field -> assertThat(field.doc())
                                    .as("%s.%s", schema.getFullName(), field.name())
                                    .isNotBlank());
                }));
    }

    private static String describe(Schema record) {
        return String.join(
                " ",
                record.getFields().stream()
                        .map(field -> field.name() + ":" + ContractDocs.avroType(field.schema()))
                        .toList());
    }
}
