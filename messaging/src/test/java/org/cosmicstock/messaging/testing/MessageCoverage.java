package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the services' coverage tests walk, because Java 17 checks no switch over a sealed interface
 * (ADR 8): the records a sealed message interface permits, a sample of each built from its
 * components, and a check that a domain message and its Avro form carry the same values.
 */
public final class MessageCoverage {

    private static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 3, 1);

    private MessageCoverage() {}

    /** Every record under {@code sealed}, through nested sealed interfaces. */
    public static List<Class<? extends Record>> permittedRecords(Class<?> sealed) {
        if (!sealed.isSealed()) {
            throw new IllegalArgumentException(sealed.getName() + " is not sealed");
        }
        List<Class<? extends Record>> records = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                records.add(permitted.asSubclass(Record.class));
            } else if (permitted.isSealed()) {
                records.addAll(permittedRecords(permitted));
            } else {
                throw new IllegalArgumentException(
                        "Messages are records: " + permitted.getName() + " under " + sealed.getName() + " is not");
            }
        }
        return records;
    }

    /**
     * A record with a different value in every component (so that swapped fields show), built
     * through its canonical constructor.
     */
    public static <R extends Record> R sample(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(type, components[i], i);
        }
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not build a sample " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not build a sample " + type.getSimpleName(), e);
        }
    }

    /**
     * Every component of {@code message} has a field of the same name in {@code avro} holding the
     * same value: the mapper between them copied each field to its namesake.
     */
    public static void assertSameFields(Record message, SpecificRecord avro) {
        Schema schema = avro.getSchema();
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            Schema.Field field = schema.getField(component.getName());
            assertThat(field)
                    .as("%s has no field %s of %s", schema.getFullName(), component.getName(), message)
                    .isNotNull();
            assertThat(avro.get(field.pos()))
                    .as("%s.%s mapped from %s", schema.getName(), field.name(), message)
                    .isEqualTo(read(message, component));
        }
    }

    private static Object value(Class<?> type, RecordComponent component, int index) {
        return value(type, component, component.getType(), index);
    }

    private static Object value(Class<?> type, RecordComponent component, Class<?> kind, int index) {
        if (isValueObject(kind)) {
            Class<?> held = kind.getRecordComponents()[0].getType();
            try {
                return kind.getDeclaredConstructor(held).newInstance(value(type, component, held, index));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not build a sample " + kind.getSimpleName(), e);
            }
        }
        if (kind == String.class) {
            return component.getName() + "-" + index;
        }
        if (kind == int.class || kind == Integer.class) {
            return 11 + index;
        }
        if (kind == long.class || kind == Long.class) {
            return 101L + index;
        }
        if (kind == LocalDate.class) {
            return SAMPLE_DAY.plusDays(index);
        }
        throw new IllegalArgumentException("No sample value for " + type.getSimpleName() + "." + component.getName()
                + " of type " + kind.getName() + ": teach MessageCoverage one");
    }

    /** A record of one value, such as {@code Sku} or {@code Quantity}: sampled and compared by the value it holds. */
    private static boolean isValueObject(Class<?> kind) {
        return kind.isRecord() && kind.getRecordComponents().length == 1;
    }

    private static Object read(Record message, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            Object value = accessor.invoke(message);
            return value != null && isValueObject(value.getClass())
                    ? read((Record) value, value.getClass().getRecordComponents()[0])
                    : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read " + component.getName() + " of " + message, e);
        }
    }
}
