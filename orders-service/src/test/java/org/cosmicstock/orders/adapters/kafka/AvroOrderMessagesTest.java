package org.cosmicstock.orders.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.OutOfStock;
import org.junit.jupiter.api.Test;

/** An allocation event becomes an order command of valid values, or is refused with the field it breaks. */
class AvroOrderMessagesTest {

    @Test
    void anAllocatedEventBecomesTheCommandToRecordIt() {
        assertThat(AvroOrderMessages.toMessage(new Allocated("order-1", "RED-CHAIR", 2, "batch-1", 2)))
                .contains(new Command.RecordAllocation("order-1", "RED-CHAIR", "batch-1"));
    }

    @Test
    void anEventOutsideTheContractsLimitsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AvroOrderMessages.toMessage(new Allocated("order-1", "RED-CHAIR", 2, "", 2)))
                .isInstanceOf(MessageRejected.class)
                .hasMessage("Invalid message: batchRef must not be empty");
        assertThatThrownBy(() -> AvroOrderMessages.toMessage(new OutOfStock("order 1", "RED-CHAIR", 2)))
                .isInstanceOf(MessageRejected.class)
                .hasMessage("Invalid message: orderId must not contain whitespace (found U+0020 at character 5)");
    }
}
