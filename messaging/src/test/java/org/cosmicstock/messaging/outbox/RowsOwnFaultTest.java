package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures count toward parking a row: only those that are the row's own. */
class RowsOwnFaultTest {

    static Stream<Throwable> tooLargeInvalidAndUnserialisable() {
        return Stream.of(
                new RecordTooLargeException("1 MB over"),
                new ExecutionException(new RecordTooLargeException("1 MB over")),
                new InvalidRecordException("no key on a compacted topic"),
                new KafkaException(new SerializationException("cannot")));
    }

    @ParameterizedTest
    @MethodSource("tooLargeInvalidAndUnserialisable")
    void tooLargeInvalidAndUnserialisableAreTheRowsOwnFault(Throwable failure) {
        assertThat(OutboxRelay.isRowsOwnFault(failure)).isTrue();
    }

    static Stream<Throwable> theRelaysTheBrokersOrTheClustersTrouble() {
        return Stream.of(
                // the relay's own timeout
                new java.util.concurrent.TimeoutException(),
                // a broker away, slow or short of replicas
                new TimeoutException("expired after 120000 ms"),
                new NotEnoughReplicasException("1 of 2"),
                new NotEnoughReplicasAfterAppendException("1 of 2"),
                new NotLeaderOrFollowerException("moved"),
                new NetworkException("disconnected"),
                // the cluster's or the producer's state
                new TopicAuthorizationException("denied"),
                new OutOfOrderSequenceException("sequence"),
                new UnknownServerException("broker bug"),
                new KafkaException("Producer is closed forcefully"),
                new IllegalStateException("closed"));
    }

    @ParameterizedTest
    @MethodSource("theRelaysTheBrokersOrTheClustersTrouble")
    void theRelaysOwnTimeoutABrokerAwayOrTheClustersStateIsNotTheRowsFault(Throwable failure) {
        assertThat(OutboxRelay.isRowsOwnFault(failure)).isFalse();
    }
}
