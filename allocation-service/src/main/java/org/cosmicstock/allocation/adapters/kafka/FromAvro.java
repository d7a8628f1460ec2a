package org.cosmicstock.allocation.adapters.kafka;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.domain.Sku;

/** Reads Avro messages into records; built once by {@link RecordsByName#fromAvro}. */
final class FromAvro<T> {

    record Plan(Constructor<?> constructor, int[] positions, String[] fields, RecordsByName.Conversion[] conversions) {}

    private final Class<T> sealed;
    private final Map<Class<?>, Plan> plans;

    FromAvro(Class<T> sealed, Map<Class<?>, Plan> plans) {
        this.sealed = sealed;
        this.plans = plans;
    }

    /** The record of the same name, or empty if {@code avro} is of a type that has none. */
    Optional<T> map(SpecificRecord avro) {
        Plan plan = plans.get(avro.getClass());
        if (plan == null) {
            return Optional.empty();
        }
        Object[] values = new Object[plan.positions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = plan.conversions[i].convert(plan.fields[i], avro.get(plan.positions[i]));
        }
        return Optional.of(sealed.cast(RecordsByName.call(plan.constructor, null, values)));
    }

    static RecordsByName.Conversion conversion(
            Class<? extends Record> type,
            RecordComponent component,
            Schema.Field field,
            List<RecordsByName.ByHand> byHand) {
        for (RecordsByName.ByHand conversion : byHand) {
            if (conversion.type() == type && conversion.component().equals(component.getName())) {
                byHand.remove(conversion);
                return conversion.conversion();
            }
        }
        RecordsByName.Conversion rule = byType(component.getType());
        if (rule == null) {
            throw new IllegalStateException(RecordsByName.name(type) + "." + component.getName() + " is a "
                    + component.getType().getSimpleName() + ": no rule reads it from " + field.name()
                    + "; add one to FromAvro.byType or convert it by hand in the mapper");
        }
        return field.schema().isNullable() ? (name, value) -> value == null ? null : rule.convert(name, value) : rule;
    }

    /**
     * The rule by the component's type: a value object from its {@code of(field, value)}, which checks the
     * contract's limits and names the field; String, int, Integer and LocalDate as they are; null for any other.
     */
    private static RecordsByName.Conversion byType(Class<?> kind) {
        if (kind == Sku.class) {
            return (field, value) -> Sku.of(field, (String) value);
        }
        if (kind == OrderId.class) {
            return (field, value) -> OrderId.of(field, (String) value);
        }
        if (kind == BatchRef.class) {
            return (field, value) -> BatchRef.of(field, (String) value);
        }
        if (kind == Quantity.class) {
            return (field, value) -> Quantity.of(field, (Integer) value);
        }
        return RecordsByName.AS_THEY_ARE.contains(kind) ? (field, value) -> value : null;
    }
}
