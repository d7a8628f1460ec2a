package org.cosmicstock.allocation.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.domain.BatchRef;
import org.cosmicstock.domain.Quantity;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.OutOfStock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a command that breaks the contract is rejected with: the reason its dead letter carries ({@code dlt_reason}),
 * naming the field as the sender wrote it. And the two exceptions of ChangeBatchQuantity: zero units, and no SKU.
 */
class AvroCommandsTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(new Allocate("order-1", "SKU-1", 0), "Invalid message: qty must be between 1 and 1000000"),
                Arguments.of(
                        new Allocate("order 1", "SKU-1", 1),
                        "Invalid message: orderId must not contain whitespace (found U+0020 at character 5)"),
                Arguments.of(new Allocate("order-1", null, 1), "Invalid message: sku is required"),
                Arguments.of(new CreateBatch("", "SKU-1", 1, null), "Invalid message: ref must not be empty"),
                Arguments.of(
                        new CreateBatch("b1", "SKU-1", 1_000_001, null),
                        "Invalid message: qty must be between 1 and 1000000"),
                Arguments.of(
                        new ChangeBatchQuantity("b1", -1, null), "Invalid message: qty must be between 0 and 1000000"),
                Arguments.of(
                        new ChangeBatchQuantity("b1", 5, "SKU 1"),
                        "Invalid message: sku must not contain whitespace (found U+0020 at character 3)"),
                Arguments.of(
                        new OutOfStock("order-1", "SKU-1", 1),
                        "Not an allocation command: org.cosmicstock.schemas.events.OutOfStock"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void aCommandThatBreaksTheContractIsRejectedNamingTheField(SpecificRecord payload, String reason) {
        assertThatThrownBy(() -> AvroCommands.toMessage(payload))
                .isInstanceOf(MessageRejected.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @MethodSource("skuUnknown")
    void aBatchMayBeChangedToZeroUnitsByAProducerThatKnowsOnlyItsReference(String sku) {
        assertThat(AvroCommands.toMessage(new ChangeBatchQuantity("b1", 0, sku)))
                .contains(new Command.ChangeBatchQuantity(new BatchRef("b1"), new Quantity(0), null));
    }

    static Stream<String> skuUnknown() {
        return Stream.of(null, "", "  ");
    }
}
