package org.cosmicstock.allocation.adapters.kafka;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The rule both mappers follow: each record under a sealed domain interface ({@code Command.Allocate}) and the
 * generated Avro class of the same simple name in the contract's namespace ({@code
 * org.cosmicstock.schemas.commands.Allocate}) carry the same fields, component for field, by name.
 *
 * <p>How a field becomes a component depends on the component's type ({@code FromAvro.byType}):
 * the value objects are built with their {@code of(field, value)}, so a value outside the contract's limits throws
 * the {@code ContractViolation} naming the field, as if written by hand; a null in an optional field stays null.
 * A component that needs something else is converted {@link ByHand}, written in the mapper next to the rule.
 *
 * <p>The plan for each type (which Avro class, which field position for which component, which conversion, the
 * constructor) is made once, when the mapper's class is loaded; a record without its Avro class, or a name on one
 * side without its counterpart on the other, stops the class from loading, naming both.
 */
final class RecordsByName {

    /** How one Avro field's value becomes a component, given the field's name for the error it may throw. */
    @FunctionalInterface
    interface Conversion {
        Object convert(String field, Object value);
    }

    /** A component of one record converted by hand rather than by its type's rule. */
    record ByHand(Class<? extends Record> type, String component, Conversion conversion) {}

    /** What is read and written as it is: the generated classes hold these types already. */
    static final Set<Class<?>> AS_THEY_ARE = Set.of(String.class, int.class, Integer.class, LocalDate.class);

    private RecordsByName() {}

    /** Avro messages of {@code namespace} to the records under {@code sealed}: the commands read. */
    static <T> FromAvro<T> fromAvro(Class<T> sealed, String namespace, ByHand... byHand) {
        Map<Class<?>, FromAvro.Plan> plans = new HashMap<>();
        List<ByHand> unused = new ArrayList<>(List.of(byHand));
        for (Namesakes pair : namesakes(sealed, namespace)) {
            String[] fields = new String[pair.fields.length];
            Conversion[] conversions = new Conversion[pair.fields.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = pair.fields[i].name();
                conversions[i] = FromAvro.conversion(pair.type, pair.components[i], pair.fields[i], unused);
            }
            plans.put(
                    pair.avro,
                    new FromAvro.Plan(canonicalConstructor(pair.type), pair.positions(), fields, conversions));
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException(
                    "Converted by hand, but no such component under " + sealed.getSimpleName() + ": "
                            + unused.stream()
                                    .map(hand -> name(hand.type()) + "." + hand.component())
                                    .toList());
        }
        return new FromAvro<>(sealed, Map.copyOf(plans));
    }

    /** The records under {@code sealed} to the Avro messages of {@code namespace}: the events written. */
    static ToAvro toAvro(Class<?> sealed, String namespace) {
        Map<Class<?>, ToAvro.Plan> plans = new HashMap<>();
        for (Namesakes pair : namesakes(sealed, namespace)) {
            Method[] accessors = new Method[pair.components.length];
            for (int i = 0; i < accessors.length; i++) {
                Class<?> kind = pair.components[i].getType();
                if (!AS_THEY_ARE.contains(kind)) {
                    throw new IllegalStateException(name(pair.type) + "." + pair.components[i].getName() + " is a "
                            + kind.getSimpleName() + ": only String, int, Integer and LocalDate are written as they"
                            + " are; convert it by hand in the mapper");
                }
                accessors[i] = pair.components[i].getAccessor();
            }
            plans.put(pair.type, new ToAvro.Plan(newAvro(pair.avro), pair.positions(), accessors));
        }
        return new ToAvro(Map.copyOf(plans));
    }

    /** A record, the Avro class of its name, its components and, in the same order, their namesakes in the schema. */
    private record Namesakes(
            Class<? extends Record> type,
            Class<? extends SpecificRecordBase> avro,
            RecordComponent[] components,
            Schema.Field[] fields) {

        int[] positions() {
            return Arrays.stream(fields).mapToInt(Schema.Field::pos).toArray();
        }
    }

    /** Each record under {@code sealed} with its Avro class in {@code namespace}, the same names on both sides. */
    private static List<Namesakes> namesakes(Class<?> sealed, String namespace) {
        List<Namesakes> pairs = new ArrayList<>();
        for (Class<? extends Record> type : records(sealed)) {
            Class<? extends SpecificRecordBase> avro = avroClass(type, namespace);
            Schema schema = SpecificData.get().getSchema(avro);
            RecordComponent[] components = sameNames(type, schema);
            Schema.Field[] fields = Arrays.stream(components)
                    .map(component -> schema.getField(component.getName()))
                    .toArray(Schema.Field[]::new);
            pairs.add(new Namesakes(type, avro, components, fields));
        }
        return pairs;
    }

    /** The components of {@code type}, each with a field of its name in {@code schema} and no field left over. */
    private static RecordComponent[] sameNames(Class<? extends Record> type, Schema schema) {
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            if (schema.getField(component.getName()) == null) {
                throw new IllegalStateException(
                        name(type) + "." + component.getName() + " has no field of that name in " + schema.getFullName()
                                + " (its fields: " + fieldNames(schema) + ")");
            }
        }
        for (Schema.Field field : schema.getFields()) {
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(field.name()))) {
                throw new IllegalStateException(schema.getFullName() + "." + field.name()
                        + " has no component of that name in " + name(type) + " (its components: "
                        + Arrays.stream(components)
                                .map(RecordComponent::getName)
                                .toList() + ")");
            }
        }
        return components;
    }

    private static List<Class<? extends Record>> records(Class<?> sealed) {
        List<Class<? extends Record>> records = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (!permitted.isRecord()) {
                throw new IllegalStateException(
                        permitted.getName() + " under " + sealed.getName() + " is not a record");
            }
            records.add(permitted.asSubclass(Record.class));
        }
        return records;
    }

    private static Class<? extends SpecificRecordBase> avroClass(Class<? extends Record> type, String namespace) {
        String avro = namespace + "." + type.getSimpleName();
        try {
            return Class.forName(avro, true, type.getClassLoader()).asSubclass(SpecificRecordBase.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name(type) + " has no Avro class of its name, " + avro
                    + ": is its schema missing from shared-schemas/src/main/avro?");
        }
    }

    private static String fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList().toString();
    }

    /** {@code Command.Allocate}: the record as the code names it. */
    static String name(Class<?> type) {
        return type.getEnclosingClass() == null
                ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    // Plain reflection, resolved once per type, for plainness: AvroMappingBenchmark gave 55-57 ns a message, against
    // 53-54 ns a command with method handles and about 20 ns less an event (one noisy run each), next to a unit of
    // work of about a millisecond. What the called code throws (a value object's ContractViolation) comes out as
    // thrown.

    private static Constructor<?> canonicalConstructor(Class<? extends Record> type) {
        Class<?>[] kinds = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return type.getConstructor(kinds);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(name(type) + " has no public canonical constructor", e);
        }
    }

    private static Constructor<?> newAvro(Class<? extends SpecificRecordBase> avro) {
        try {
            return avro.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    avro.getName() + " is not a generated Avro class: no public constructor" + " without arguments", e);
        }
    }

    static Object call(Executable executable, Object target, Object... arguments) {
        try {
            return executable instanceof Constructor<?> constructor
                    ? constructor.newInstance(arguments)
                    : ((Method) executable).invoke(target, arguments);
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
