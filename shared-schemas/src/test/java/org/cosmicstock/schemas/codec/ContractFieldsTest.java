package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Field names and types are the public contract (CONTRACT.md); only additions are allowed. */
class ContractFieldsTest {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("org.cosmicstock.schemas.commands.CreateBatch", "ref:string sku:string qty:int eta:null|date"),
            Map.entry("org.cosmicstock.schemas.commands.Allocate", "orderId:string sku:string qty:int"),
            Map.entry("org.cosmicstock.schemas.commands.ChangeBatchQuantity", "ref:string qty:int sku:null|string"),
            Map.entry("org.cosmicstock.schemas.events.BatchCreated", "ref:string sku:string qty:int eta:null|date"),
            Map.entry("org.cosmicstock.schemas.events.BatchQuantityChanged", "ref:string sku:string qty:int"),
            Map.entry("org.cosmicstock.schemas.events.Allocated", "orderId:string sku:string qty:int batchRef:string"),
            Map.entry("org.cosmicstock.schemas.events.Deallocated", "orderId:string sku:string qty:int"),
            Map.entry("org.cosmicstock.schemas.events.OutOfStock", "orderId:string sku:string qty:int"),
            Map.entry(
                    "org.cosmicstock.schemas.events.AllocationRejected",
                    "orderId:string sku:string qty:int reason:string"));

    @Test
    void everyTypeOfTheContractHasItsFieldsHere() {
        assertThat(FIELDS.keySet())
                .as("a line in FIELDS per type of MessageTypes.all(), as CONTRACT.md lists it")
                .hasSameElementsAs(
                        MessageTypes.all().stream().map(Class::getName).toList());
    }

    @Test
    void everyVersionKeepsTheContractFields() {
        ReleasedSchemas.load().all().forEach((type, versions) -> {
            assertThat(FIELDS).as("the contract fields of %s in FIELDS", type).containsKey(type);
            versions.forEach(
                    schema -> assertThat(describe(schema)).as("%s", type).startsWith(FIELDS.get(type)));
        });
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
                        .map(field -> field.name() + ":" + type(field.schema()))
                        .toList());
    }

    private static String type(Schema schema) {
        if (schema.isUnion()) {
            return String.join(
                    "|",
                    schema.getTypes().stream().map(ContractFieldsTest::type).toList());
        }
        return schema.getLogicalType() instanceof LogicalTypes.Date ? "date" : schema.getName();
    }
}
