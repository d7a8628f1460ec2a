package org.cosmicstock.schemas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.junit.jupiter.api.Test;

/** The samples every mapping test walks through: a new type without them fails here first. */
class SampleMessagesTest {

    @Test
    void everyTypeOfTheContractHasASample() {
        MessageTypes.all()
                .forEach(type -> assertThat(SampleMessages.of(type))
                        .as("samples of %s: add them to SampleMessages", type.getName())
                        .isNotEmpty());
    }

    @Test
    void everyOptionalFieldIsSampledBothNullAndSet() {
        for (Class<? extends SpecificRecord> type : MessageTypes.all()) {
            for (Schema.Field field : SpecificData.get().getSchema(type).getFields()) {
                if (field.schema().isNullable()) {
                    assertThat(SampleMessages.of(type))
                            .as("%s.%s: add a sample with it null and one with it set", type.getName(), field.name())
                            .anyMatch(sample -> sample.get(field.pos()) == null)
                            .anyMatch(sample -> sample.get(field.pos()) != null);
                }
            }
        }
    }

    @Test
    void aTypeWithoutSamplesChosenByHandGetsOneWithEveryFieldSetAndOneWithItsOptionalFieldsNull() {
        assertThat(SampleMessages.derived(CreateBatch.class))
                .containsExactly(
                        new CreateBatch("batch-001", "RED-CHAIR", 3, LocalDate.of(2026, 3, 14)),
                        new CreateBatch("batch-001", "RED-CHAIR", 3, null));
        assertThat(SampleMessages.derived(AllocationRejected.class))
                .containsExactly(new AllocationRejected("order-1", "RED-CHAIR", 3, "reason"));
    }

    @Test
    void holdsNothingButContractTypes() {
        assertThat(SampleMessages.all()).allMatch(sample -> MessageTypes.all().contains(sample.getClass()));
    }
}
