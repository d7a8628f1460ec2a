package org.cosmicstock.schemas.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/**
 * At least one message of every type, with every optional field both null and set
 * ({@code SampleMessagesTest} checks both against {@code MessageTypes}). The codec tests, the
 * contract fixtures and the services' mapping tests all take their messages from here. The samples
 * written below are chosen by hand; a type with none here gets two {@linkplain #derived derived} from
 * its schema, so a new type needs nothing here unless its fields are of a kind derivation does not
 * fill, or need values it does not choose.
 */
public final class SampleMessages {

    private SampleMessages() {}

    /** Values for the fields the contract's types share, by name; any other string is its field's name. */
    private static final Map<String, String> STRINGS =
            Map.of("sku", "RED-CHAIR", "ref", "batch-001", "batchRef", "batch-001", "orderId", "order-1");

    public static List<SpecificRecord> all() {
        List<SpecificRecord> all = new ArrayList<>(chosen());
        for (Class<? extends SpecificRecord> type : MessageTypes.all()) {
            if (all.stream().noneMatch(type::isInstance)) {
                all.addAll(derived(type));
            }
        }
        return List.copyOf(all);
    }

    /** The samples of one type. */
    public static List<SpecificRecord> of(Class<? extends SpecificRecord> type) {
        return all().stream().filter(type::isInstance).toList();
    }

    /**
     * Samples of a type built from its schema: one with every field set, and, if it has optional fields, one
     * with all of them null. Strings are the shared fields' usual values or the field's name, ints 3 (a valid
     * quantity), dates a fixed day.
     *
     * @throws IllegalStateException for a field of a kind with no derived value: write the type's samples by hand
     */
    static List<SpecificRecord> derived(Class<? extends SpecificRecord> type) {
        Schema schema = SpecificData.get().getSchema(type);
        SpecificRecord set = newRecord(type);
        SpecificRecord optionalNull = newRecord(type);
        boolean optional = false;
        for (Schema.Field field : schema.getFields()) {
            Schema value = field.schema();
            if (value.isNullable()) {
                optional = true;
                value = value.getTypes().stream()
                        .filter(branch -> branch.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElseThrow();
            } else {
                optionalNull.put(field.pos(), value(type, field, value));
            }
            set.put(field.pos(), value(type, field, value));
        }
        return optional ? List.of(set, optionalNull) : List.of(set);
    }

    private static SpecificRecord newRecord(Class<? extends SpecificRecord> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a " + type.getName(), e);
        }
    }

    private static Object value(Class<?> type, Schema.Field field, Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
            return LocalDate.of(2026, 3, 14);
        }
        return switch (schema.getType()) {
            case STRING -> STRINGS.getOrDefault(field.name(), field.name());
            case INT -> 3;
            case LONG -> 3L;
            case BOOLEAN -> true;
            default ->
                throw new IllegalStateException("No derived sample value for " + type.getName() + "." + field.name()
                        + " (" + schema + "): write the type's samples by hand in SampleMessages");
        };
    }

    private static List<SpecificRecord> chosen() {
        return List.of(
                new CreateBatch("batch-001", "RED-CHAIR", 20, null),
                new CreateBatch("batch-002", "RED-CHAIR", 10, LocalDate.of(2026, 3, 14)),
                new Allocate("order-1", "RED-CHAIR", 2),
                new ChangeBatchQuantity("batch-001", 5, null),
                new ChangeBatchQuantity("batch-001", 5, "RED-CHAIR"),
                new BatchCreated("batch-001", "RED-CHAIR", 20, null),
                new BatchCreated("batch-002", "RED-CHAIR", 10, LocalDate.of(1970, 1, 1)),
                new BatchQuantityChanged("batch-001", "RED-CHAIR", 5),
                new Allocated("order-1", "RED-CHAIR", 2, "batch-001", null),
                new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7),
                new Deallocated("order-1", "RED-CHAIR", 2, null, null),
                new Deallocated("order-1", "RED-CHAIR", 2, "batch-001", 5),
                new OutOfStock("order-2", "BLUE-SOFA", 1000),
                new AllocationRejected("order-3", "NO-SUCH-SKU", 1, "Invalid sku NO-SUCH-SKU"));
    }
}
