package org.cosmicstock.schemas.registry;

import java.util.Locale;

/**
 * Which registry subject a schema is registered and looked up under. The suite's topics carry several
 * message types, so the default is one subject per type (the record's full name), as Confluent's {@code
 * RecordNameStrategy}; {@link #TOPIC_RECORD_NAME} keeps a separate history per topic, as Confluent's
 * {@code TopicRecordNameStrategy}. The subject only matters when writing: readers look schemas up by id.
 */
public enum SubjectNameStrategy {
    /** Subject = the record's full name, e.g. {@code org.cosmicstock.schemas.commands.Allocate}. */
    RECORD_NAME("record"),
    /** Subject = topic, a dash and the record's full name, e.g. {@code allocation.commands-org.cosmicstock...}. */
    TOPIC_RECORD_NAME("topic-record");

    private final String configValue;

    SubjectNameStrategy(String configValue) {
        this.configValue = configValue;
    }

    /** The subject for a record of type {@code recordFullName} written to {@code topic}. */
    public String subject(String topic, String recordFullName) {
        if (this == RECORD_NAME) {
            return recordFullName;
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException(
                    "The topic-record subject naming needs the topic to name the subject of " + recordFullName);
        }
        return topic + "-" + recordFullName;
    }

    public boolean needsTopic() {
        return this == TOPIC_RECORD_NAME;
    }

    /** The value to put in configuration: {@code record} or {@code topic-record}. */
    public String configValue() {
        return configValue;
    }

    /**
     * Reads a configured value: {@code record} or {@code topic-record}; Confluent's class names ({@code
     * RecordNameStrategy}, {@code TopicRecordNameStrategy}, with or without package) are accepted too.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SubjectNameStrategy parse(String value) {
        String name = value == null ? "" : value.strip();
        String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (simple) {
            case "record", "recordnamestrategy", "record_name" -> RECORD_NAME;
            case "topic-record", "topicrecordnamestrategy", "topic_record_name" -> TOPIC_RECORD_NAME;
            default ->
                throw new IllegalArgumentException("Unknown subject naming '" + value
                        + "': expected 'record' (one subject per message type, the default) or 'topic-record'"
                        + " (one per topic and type); 'topic' naming cannot hold the several types a topic carries");
        };
    }
}
