package org.cosmicstock.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which failures to write a dead letter are refusals for good, and which are worth waiting out. */
class DeadLettersTest {

    @Test
    void tooLargeNotAuthorisedAndUnserialisableAreRefusals() {
        assertThat(DeadLetters.isRefusal(new RecordTooLargeException("too large")))
                .isTrue();
        assertThat(DeadLetters.isRefusal(new ExecutionException(new RecordTooLargeException("too large"))))
                .isTrue();
        assertThat(DeadLetters.isRefusal(new TopicAuthorizationException("denied")))
                .isTrue();
        assertThat(DeadLetters.isRefusal(new SerializationException("cannot"))).isTrue();
    }

    @Test
    void theBrokerAwaySlowOrShortOfReplicasIsTransient() {
        assertThat(DeadLetters.isRefusal(new TimeoutException("metadata"))).isFalse();
        assertThat(DeadLetters.isRefusal(new java.util.concurrent.TimeoutException()))
                .isFalse();
        assertThat(DeadLetters.isRefusal(new ExecutionException(new NotEnoughReplicasException("1 of 2"))))
                .isFalse();
        assertThat(DeadLetters.isRefusal(new KafkaException("producer closed"))).isFalse();
        assertThat(DeadLetters.isRefusal(new InterruptException(new InterruptedException())))
                .isFalse();
        assertThat(DeadLetters.isRefusal(new IllegalStateException("closed"))).isFalse();
    }
}
