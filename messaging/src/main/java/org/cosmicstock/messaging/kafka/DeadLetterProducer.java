package org.cosmicstock.messaging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.cosmicstock.messaging.metrics.MessagingMetrics;
import org.cosmicstock.messaging.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dead-letter path of every consumer: {@code <topic>.DLT} gets the original key, value and
 * headers, the original topic, partition, offset and consumer group (spring-kafka's {@code
 * kafka_dlt-*} header names, which tools know), the exception, and {@code dlt_reason}.
 *
 * <p>What a dead letter carries is {@link DeadLetterRecords}'. No record can stall its partition here. A copy the producer or the broker refuses for good (too
 * large once the reason headers are added, a topic that refuses writes, an ACL) is sent again in a
 * form that fits: the value cut to its first {@value #TRUNCATED_VALUE_BYTES} bytes, oversized headers
 * left out, and {@code dlt_truncated}, {@code dlt_original_value_size}, {@code
 * dlt_original_value_sha256} and {@code dlt_refused_as_is} added. If that is refused too, {@value
 * #TRUNCATED_ATTEMPTS} times, the dead letter is given up: an ERROR line and {@code
 * dead_letter_failures_total{topic}}. Only a transient failure (the broker away or slow, too few
 * in-sync replicas) propagates, so that the consumer tries the records again and nothing is lost
 * while the broker is away.
 */
public final class DeadLetterProducer implements AutoCloseable {

    /** How much of the original value a truncated dead letter keeps. */
    public static final int TRUNCATED_VALUE_BYTES = 16 * 1024;

    public static final String TRUNCATED_HEADER = "dlt_truncated";
    public static final String ORIGINAL_SIZE_HEADER = "dlt_original_value_size";
    public static final String ORIGINAL_SHA256_HEADER = "dlt_original_value_sha256";
    public static final String REFUSED_AS_IS_HEADER = "dlt_refused_as_is";

    static final int TRUNCATED_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProducer.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Backoff TRUNCATED_BACKOFF =
            new Backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ZERO);

    private final Producer<String, byte[]> producer;
    private final MessagingMetrics metrics;
    private final String defaultGroup;

    public DeadLetterProducer(Producer<String, byte[]> producer, MessagingMetrics metrics) {
        this(producer, metrics, "");
    }

    /** @param defaultGroup the consumer group named by {@link #send(ConsumerRecord, Throwable)} */
    public DeadLetterProducer(Producer<String, byte[]> producer, MessagingMetrics metrics, String defaultGroup) {
        this.producer = producer;
        this.metrics = metrics;
        this.defaultGroup = defaultGroup;
    }

    /** A record to dead-letter and why. */
    public record Letter(ConsumerRecord<String, byte[]> record, Throwable reason) {}

    /**
     * Returns once every letter is written, as is or truncated, or given up on after a refusal that
     * can never pass (logged at ERROR, counted in {@code dead_letter_failures_total}).
     *
     * @throws Exception a transient failure (the broker away, a timeout, too few in-sync replicas):
     *     the consumer must try the records again later; some letters may have been written already
     */
    public void send(List<Letter> letters, String consumerGroup) throws Exception {
        List<Refused> refused = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> asIs = new ArrayList<>(letters.size());
        for (Letter letter : letters) {
            asIs.add(DeadLetterRecords.asIs(letter.record(), letter.reason(), consumerGroup));
        }
        List<Throwable> failures = sendAll(asIs);
        for (int i = 0; i < letters.size(); i++) {
            if (failures.get(i) != null) {
                refused.add(new Refused(letters.get(i), failures.get(i), failures.get(i)));
            }
        }
        for (int attempt = 1; attempt <= TRUNCATED_ATTEMPTS && !refused.isEmpty(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(TRUNCATED_BACKOFF.after(attempt - 1).toMillis());
            }
            List<ProducerRecord<String, byte[]>> truncated = new ArrayList<>(refused.size());
            for (Refused r : refused) {
                truncated.add(DeadLetterRecords.truncated(
                        r.letter().record(), r.letter().reason(), consumerGroup, r.asIs()));
            }
            failures = sendAll(truncated);
            List<Refused> stillRefused = new ArrayList<>();
            for (int i = 0; i < refused.size(); i++) {
                Refused r = refused.get(i);
                if (failures.get(i) == null) {
                    LOG.warn(
                            "Dead-lettered {} truncated: refused as is ({})",
                            where(r.letter().record()),
                            DeadLetters.reason(r.asIs()));
                } else {
                    stillRefused.add(new Refused(r.letter(), r.asIs(), failures.get(i)));
                }
            }
            refused = stillRefused;
        }
        for (Refused r : refused) {
            ConsumerRecord<String, byte[]> record = r.letter().record();
            LOG.error(
                    "Gave up dead-lettering {} (value {} bytes, reason: {}): {} refused it as is ({}) and truncated"
                            + " {} times ({}); the record is skipped and stays on its topic until retention",
                    where(record),
                    record.value() == null ? 0 : record.value().length,
                    DeadLetters.reason(r.letter().reason()),
                    record.topic() + DeadLetters.SUFFIX,
                    DeadLetters.reason(r.asIs()),
                    TRUNCATED_ATTEMPTS,
                    DeadLetters.reason(r.last()));
            metrics.deadLetterFailed(record.topic());
        }
    }

    public void send(ConsumerRecord<String, byte[]> record, Throwable exception, String consumerGroup)
            throws Exception {
        send(List.of(new Letter(record, exception)), consumerGroup);
    }

    /** For a consumer that reads without a group of its own, such as a projection. */
    public void send(ConsumerRecord<String, byte[]> record, Throwable exception) throws Exception {
        send(record, exception, defaultGroup);
    }

    private record Refused(Letter letter, Throwable asIs, Throwable last) {}

    /**
     * Sends every record and waits for every acknowledgement; per record, null when written or the
     * refusal. Throws the first transient failure, after waiting for the others.
     */
    private List<Throwable> sendAll(List<ProducerRecord<String, byte[]>> records) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        List<Throwable> failures = new ArrayList<>(records.size());
        Exception transientFailure = null;
        for (ProducerRecord<String, byte[]> record : records) {
            try {
                acks.add(producer.send(record));
            } catch (RuntimeException e) {
                if (!DeadLetters.isRefusal(e)) {
                    throw e;
                }
                acks.add(null);
                failures.add(e);
                continue;
            }
            failures.add(null);
        }
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            Future<RecordMetadata> ack = acks.get(i);
            if (ack == null) {
                continue;
            }
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (DeadLetters.isRefusal(cause)) {
                    failures.set(i, cause);
                } else if (transientFailure == null) {
                    transientFailure = cause instanceof Exception exception ? exception : e;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                if (transientFailure == null) {
                    transientFailure = e;
                }
            }
        }
        if (transientFailure != null) {
            throw transientFailure;
        }
        return failures;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    @Override
    public void close() {
        producer.close();
    }
}
