package org.cosmicstock.schemas.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/** Hypothetical versions of a schema, built the way a careless or careful engineer would edit it. */
public final class TestSchemas {

    private TestSchemas() {}

    public static Schema withField(Schema base, Field extra) {
        return edit(base, fields -> {
            fields.add(extra);
            return fields;
        });
    }

    /** The careful edit: a new optional field {@code note} (a string, null by default) added at the end. */
    public static Schema withOptionalNote(Schema base) {
        return withField(
                base,
                new Field(
                        "note",
                        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                        "A note.",
                        JsonProperties.NULL_VALUE));
    }

    /** A message written with {@code schema}: its fields given as name, value, name, value... */
    public static GenericRecord record(Schema schema, Object... namesAndValues) {
        GenericRecordBuilder builder = new GenericRecordBuilder(schema);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.set((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Schema withoutField(Schema base, String name) {
        return edit(base, fields -> {
            fields.removeIf(field -> field.name().equals(name));
            return fields;
        });
    }

    public static Schema withFieldType(Schema base, String name, Schema type) {
        return edit(base, fields -> {
            fields.replaceAll(field -> field.name().equals(name) ? new Field(name, type, field.doc()) : field);
            return fields;
        });
    }

    public static Schema renamed(Schema base, String fullName) {
        Schema copy = Schema.createRecord(fullName, base.getDoc(), null, false);
        copy.setFields(copies(base));
        return copy;
    }

    private static Schema edit(Schema base, UnaryOperator<List<Field>> change) {
        Schema copy = Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false);
        copy.setFields(change.apply(copies(base)));
        return copy;
    }

    // A Field belongs to one record, so every edit works on fresh copies.
    private static List<Field> copies(Schema base) {
        List<Field> fields = new ArrayList<>();
        base.getFields().forEach(field -> fields.add(new Field(field, field.schema())));
        return fields;
    }
}
