package org.cosmicstock.schemas.codec;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/** A generated message class with its current schema and the data model holding its logical-type conversions. */
record MessageType(Class<? extends SpecificRecordBase> type, Schema schema, SpecificData model) {

    /**
     * Every message type of the contract: one per type of {@link ReleasedSchemas} (released, or current and not
     * released yet), each the class avro-maven-plugin generated from {@code src/main/avro} under the type's full
     * name. A new type is declared by its schema, nowhere else.
     */
    static final List<MessageType> ALL = ReleasedSchemas.load().typeNames().stream()
            .map(MessageType::generated)
            .toList();

    private static MessageType generated(String fullName) {
        SpecificRecordBase prototype;
        try {
            prototype = Class.forName(fullName, true, MessageType.class.getClassLoader())
                    .asSubclass(SpecificRecordBase.class)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Released type " + fullName + " has no generated class: is its schema"
                    + " missing from shared-schemas/src/main/avro?");
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Released type " + fullName + " is not a generated Avro record", e);
        }
        return new MessageType(prototype.getClass(), prototype.getSchema(), prototype.getSpecificData());
    }

    String fullName() {
        return schema.getFullName();
    }
}
