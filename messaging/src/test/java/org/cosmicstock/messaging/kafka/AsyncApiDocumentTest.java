package org.cosmicstock.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.bus.MessageRejected;
import org.cosmicstock.messaging.config.MessagingProperties;
import org.cosmicstock.schemas.codec.MessageTypes;
import org.cosmicstock.schemas.codec.WireFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/asyncapi.yaml against the code it describes: a valid AsyncAPI 3.0 document whose topics are the
 * messaging configuration's defaults and their dead-letter topics, whose messages are shared-schemas' registry
 * of message types, each payload the type's Avro schema file, and whose headers are the ones the suite writes
 * (CloudEventHeaders) and adds to a dead letter (DeadLetterProducer). A topic, type, header or schema added,
 * renamed or removed in either place fails here. The document is generated (shared-schemas' ContractDocs, from
 * the schemas and a hand-written frame; ContractDocsTest there fails when it is not regenerated): these checks
 * hold the generator and its frame to the code.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final JsonNode ASYNCAPI = read(DOCUMENT);

    @Test
    void isAValidAsyncApi30Document() throws Exception {
        assertThat(ASYNCAPI.get("asyncapi").stringValue()).isEqualTo("3.0.0");
        try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(schema)
                    .validate(ASYNCAPI);
            assertThat(errors).as("AsyncAPI 3.0.0 schema violations").isEmpty();
        }
    }

    @Test
    void theTopicsAreTheConfiguredOnesAndTheirDeadLetterTopics() throws Exception {
        String commands = topicDefault("commands");
        String events = topicDefault("events");

        assertThat(channelsByAddress().keySet())
                .containsExactlyInAnyOrder(
                        commands, events, commands + DeadLetters.SUFFIX, events + DeadLetters.SUFFIX);
    }

    @Test
    void eachTopicCarriesExactlyTheRegisteredMessageTypes() throws Exception {
        Map<String, JsonNode> channels = channelsByAddress();
        List<String> commands = MessageTypes.names(MessageTypes.commands());
        List<String> events = MessageTypes.names(MessageTypes.events());
        String commandsTopic = topicDefault("commands");
        String eventsTopic = topicDefault("events");

        assertThat(messageNames(channels.get(commandsTopic))).containsExactlyInAnyOrderElementsOf(commands);
        assertThat(messageNames(channels.get(eventsTopic))).containsExactlyInAnyOrderElementsOf(events);
        assertThat(messageNames(channels.get(commandsTopic + DeadLetters.SUFFIX)))
                .containsExactlyInAnyOrderElementsOf(commands);
        assertThat(messageNames(channels.get(eventsTopic + DeadLetters.SUFFIX)))
                .containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void eachPayloadIsItsTypesAvroSchemaKeyedBySku() throws Exception {
        Map<String, Schema> current = MessageTypes.all().stream()
                .collect(Collectors.toMap(
                        Class::getSimpleName, type -> SpecificData.get().getSchema(type)));
        int checked = 0;
        for (JsonNode channel : channelsByAddress().values()) {
            for (JsonNode reference : channel.get("messages")) {
                JsonNode message = resolve(reference);
                String name = message.get("name").stringValue();
                Schema expected = current.get(name);
                assertThat(expected).as("a message type named " + name).isNotNull();
                JsonNode payload = message.get("payload");
                assertThat(payload.get("schemaFormat").stringValue()).startsWith("application/vnd.apache.avro");
                Path file = DOCUMENT.getParent()
                        .resolve(payload.get("schema").get("$ref").stringValue())
                        .normalize();
                assertThat(file).as(name + "'s schema file").exists();
                Schema documented = new Schema.Parser().parse(Files.readString(file));
                assertThat(SchemaNormalization.parsingFingerprint64(documented))
                        .as(file + " is the current schema of " + name)
                        .isEqualTo(SchemaNormalization.parsingFingerprint64(expected));
                assertThat(message.get("title").stringValue()).contains(expected.getFullName());
                JsonNode key = resolve(message.get("bindings")).get("kafka").get("key");
                assertThat(key.get("type").stringValue()).as(name + "'s key").isEqualTo("string");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * MessageTypes.all().size());
    }

    @Test
    void theHeadersAreTheOnesTheSuiteWrites() {
        RecordHeaders written = new RecordHeaders();
        MessageContext caused = MessageContext.newFlow("/test").causing("/test", "child");
        CloudEventHeaders.write(written, caused, "org.cosmicstock.schemas.commands.Allocate", Instant.now(), "x");
        Set<String> cloudEvents = names(written);
        int checked = 0;
        for (JsonNode channel : channelsByAddress().values()) {
            if (channel.get("address").stringValue().endsWith(DeadLetters.SUFFIX)) {
                continue;
            }
            for (JsonNode reference : channel.get("messages")) {
                assertThat(headerNames(resolve(reference).get("headers"))).isEqualTo(cloudEvents);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MessageTypes.all().size());
        JsonNode contentType = resolve(ASYNCAPI.get("components").get("schemas").get("CloudEventHeaders"))
                .get("properties")
                .get(CloudEventHeaders.CONTENT_TYPE);
        assertThat(contentType.get("enum").valueStream().map(JsonNode::stringValue))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(WireFormat.values())
                        .map(WireFormat::mediaType)
                        .toList());
    }

    @Test
    void aDeadLetterAddsTheHeadersTheDeadLetterProducerAdds() {
        RecordHeaders original = new RecordHeaders();
        CloudEventHeaders.write(
                original,
                MessageContext.newFlow("/test").causing("/test", "child"),
                "org.cosmicstock.schemas.commands.Allocate",
                Instant.now(),
                "x");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("allocation.commands", 2, 7L, "SKU", new byte[1]);
        original.forEach(header -> record.headers().add(header));
        Set<String> written = names(DeadLetterRecords.asIs(record, new MessageRejected("no"), "group")
                .headers());
        int checked = 0;
        for (JsonNode channel : channelsByAddress().values()) {
            if (!channel.get("address").stringValue().endsWith(DeadLetters.SUFFIX)) {
                continue;
            }
            for (JsonNode reference : channel.get("messages")) {
                assertThat(headerNames(resolve(reference).get("headers"))).isEqualTo(written);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MessageTypes.all().size());
    }

    private static Set<String> names(Iterable<Header> headers) {
        Set<String> names = new TreeSet<>();
        headers.forEach(header -> names.add(header.key()));
        return names;
    }

    /** The header names a headers schema documents: its properties, and those of every allOf part. */
    private static Set<String> headerNames(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        Set<String> names = new TreeSet<>();
        if (resolved.has("properties")) {
            names.addAll(resolved.get("properties").propertyNames());
        }
        if (resolved.has("allOf")) {
            resolved.get("allOf").forEach(part -> names.addAll(headerNames(part)));
        }
        return names;
    }

    private static Set<String> messageNames(JsonNode channel) {
        Set<String> names = new HashSet<>();
        channel.get("messages")
                .forEach(reference -> names.add(resolve(reference).get("name").stringValue()));
        return names;
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        ASYNCAPI.get("channels")
                .forEach(channel -> channels.put(channel.get("address").stringValue(), channel));
        return channels;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); anything else is returned as it is. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.stringValue().startsWith("#/")) {
            return node;
        }
        JsonNode target = ASYNCAPI.at(ref.stringValue().substring(1));
        assertThat(target.isMissingNode()).as("$ref " + ref.stringValue()).isFalse();
        return resolve(target);
    }

    /** The default of a topic setting, from MessagingProperties.Topics itself. */
    private static String topicDefault(String component) throws Exception {
        var components = MessagingProperties.Topics.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(c -> c.getType()).toArray(Class<?>[]::new);
        var parameters =
                MessagingProperties.Topics.class.getDeclaredConstructor(types).getParameters();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                return parameters[i].getAnnotation(DefaultValue.class).value()[0];
            }
        }
        throw new AssertionError("No topic setting " + component);
    }

    private static JsonNode read(Path document) {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(document));
        } catch (java.io.IOException e) {
            throw new AssertionError("Cannot read " + document.toAbsolutePath(), e);
        }
    }
}
