package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The one list of types, split by topic: each type is a command or an event, by its namespace. */
class MessageTypesTest {

    @Test
    void everyTypeIsACommandOrAnEvent() {
        List<Class<? extends SpecificRecord>> split = new ArrayList<>(MessageTypes.commands());
        split.addAll(MessageTypes.events());

        assertThat(split).doesNotHaveDuplicates().hasSameElementsAs(MessageTypes.all());
        assertThat(MessageTypes.commands())
                .isNotEmpty()
                .allMatch(type -> type.getPackageName().equals("org.cosmicstock.schemas.commands"));
        assertThat(MessageTypes.events())
                .isNotEmpty()
                .allMatch(type -> type.getPackageName().equals("org.cosmicstock.schemas.events"));
    }
}
