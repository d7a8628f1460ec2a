package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;

/** Which failures count toward parking a row: only those that are the row's own. */
class RowsOwnFaultTest {

    @Test
    void tooLargeInvalidAndUnserialisableAreTheRowsOwnFault() {
        assertThat(OutboxRelay.isRowsOwnFault(new RecordTooLargeException("1 MB over")))
                .isTrue();
        assertThat(OutboxRelay.isRowsOwnFault(new ExecutionException(new RecordTooLargeException("1 MB over"))))
                .isTrue();
        assertThat(OutboxRelay.isRowsOwnFault(new InvalidRecordException("no key on a compacted topic")))
                .isTrue();
        assertThat(OutboxRelay.isRowsOwnFault(new KafkaException(new SerializationException("cannot"))))
                .isTrue();
    }

    @Test
    void theRelaysOwnTimeoutIsNotTheRowsFault() {
        assertThat(OutboxRelay.isRowsOwnFault(new java.util.concurrent.TimeoutException()))
                .isFalse();
    }

    @Test
    void aBrokerAwaySlowOrShortOfReplicasIsNotTheRowsFault() {
        assertThat(OutboxRelay.isRowsOwnFault(new TimeoutException("expired after 120000 ms")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new NotEnoughReplicasException("1 of 2")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new NotEnoughReplicasAfterAppendException("1 of 2")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new NotLeaderOrFollowerException("moved")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new NetworkException("disconnected")))
                .isFalse();
    }

    @Test
    void theClustersOrTheProducersStateIsNotTheRowsFault() {
        assertThat(OutboxRelay.isRowsOwnFault(new TopicAuthorizationException("denied")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new OutOfOrderSequenceException("sequence")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new UnknownServerException("broker bug")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new KafkaException("Producer is closed forcefully")))
                .isFalse();
        assertThat(OutboxRelay.isRowsOwnFault(new IllegalStateException("closed")))
                .isFalse();
    }
}
