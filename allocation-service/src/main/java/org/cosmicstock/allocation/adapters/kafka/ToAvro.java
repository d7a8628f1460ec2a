package org.cosmicstock.allocation.adapters.kafka;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/** Writes records as Avro messages; built once by {@link RecordsByName#toAvro}. */
final class ToAvro {

    record Plan(Constructor<?> newAvro, int[] positions, Method[] accessors) {}

    private final Map<Class<?>, Plan> plans;

    ToAvro(Map<Class<?>, Plan> plans) {
        this.plans = plans;
    }

    SpecificRecord map(Record message) {
        Plan plan = plans.get(message.getClass());
        if (plan == null) {
            throw new IllegalArgumentException("No Avro schema for " + message);
        }
        SpecificRecordBase avro = (SpecificRecordBase) RecordsByName.call(plan.newAvro, null);
        for (int i = 0; i < plan.positions.length; i++) {
            avro.put(plan.positions[i], RecordsByName.call(plan.accessors[i], message));
        }
        return avro;
    }
}
