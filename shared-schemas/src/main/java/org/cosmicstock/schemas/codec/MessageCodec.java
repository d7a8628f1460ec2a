package org.cosmicstock.schemas.codec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.registry.RegisteredSchema;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.RegistryRefusedException;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import org.cosmicstock.schemas.registry.SchemaNotRegisteredException;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;

/**
 * The contract's messages as bytes. Reads both wire formats, told apart by the first byte: Avro
 * single-object encoding (the writer schema resolved among every released version by its fingerprint) and,
 * when a registry is configured, the schema-registry format (the writer schema fetched by id). Either way
 * the message is read into the current generated class. Writes single-object encoding, or the registry
 * format when built {@link #withRegistry}, in the current schema of each type unless built with {@link
 * SchemaVersions} that say otherwise (a service writes what readers of the previous release know). Thread-safe.
 */
public final class MessageCodec {

    private final MessageEncoder encoder;
    private final MessageDecoder decoder;

    /** A single-object codec over the given versions; {@link #create()} is the one for production. */
    public MessageCodec(ReleasedSchemas released) {
        this(released, SchemaVersions.newest(), null, null, null);
    }

    /**
     * A codec over the given versions that writes the schema-registry format; {@link #withRegistry} is the one
     * for production.
     */
    public MessageCodec(
            ReleasedSchemas released, RegistryClient registry, SubjectNameStrategy naming, RegistrationMode mode) {
        this(released, SchemaVersions.newest(), Objects.requireNonNull(registry, "registry"), naming, mode);
    }

    /**
     * A codec over the given versions that writes and reads the versions {@code versions} says, in the
     * schema-registry format if {@code registry} is not null (then {@code naming} and {@code mode} are needed),
     * single-object encoding otherwise.
     *
     * @throws IllegalArgumentException if {@code versions} names a type or version that is not released
     */
    public MessageCodec(
            ReleasedSchemas released,
            SchemaVersions versions,
            RegistryClient registry,
            SubjectNameStrategy naming,
            RegistrationMode mode) {
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(versions, "versions");
        Map<String, MessageType> types =
                MessageType.ALL.stream().collect(Collectors.toMap(MessageType::fullName, Function.identity()));
        TrustedClasses.trust(MessageType.ALL.stream().map(MessageType::type).toList());
        SingleObjectReaders singleObjectReaders = new SingleObjectReaders(released.upTo(versions.readUpTo()), types);
        MessageWriters writers = new MessageWriters(released, versions);
        if (registry == null) {
            this.encoder = new MessageEncoder(writers, null, released);
            this.decoder = new MessageDecoder(singleObjectReaders, null);
        } else {
            RegistryWriters registryWriters = new RegistryWriters(
                    registry, Objects.requireNonNull(naming, "naming"), Objects.requireNonNull(mode, "mode"), released);
            this.encoder = new MessageEncoder(writers, registryWriters, released);
            this.decoder = new MessageDecoder(singleObjectReaders, new RegistryReaders(registry, types));
        }
    }

    /** A codec over the versions released in this jar that writes single-object encoding and reads no registry. */
    public static MessageCodec create() {
        return new MessageCodec(ReleasedSchemas.load());
    }

    /**
     * A codec over the versions released in this jar that writes single-object encoding in the versions {@code
     * versions} says (a service's: {@link SchemaVersions#fromSettings}) and reads no registry.
     */
    public static MessageCodec create(SchemaVersions versions) {
        return new MessageCodec(ReleasedSchemas.load(), versions, null, null, null);
    }

    /** As {@link #withRegistry(RegistryClient, SubjectNameStrategy, RegistrationMode)}, verifying only. */
    public static MessageCodec withRegistry(RegistryClient registry, SubjectNameStrategy naming) {
        return withRegistry(registry, naming, RegistrationMode.VERIFY);
    }

    /**
     * A codec over the versions released in this jar that writes the schema-registry format and reads both. No
     * request is made until the first message; call {@link #verifyWriters} at start-up to fail fast.
     *
     * @param naming the subject each written schema is looked up (or registered) under
     * @param mode what to do when a written schema is not registered yet
     */
    public static MessageCodec withRegistry(
            RegistryClient registry, SubjectNameStrategy naming, RegistrationMode mode) {
        return new MessageCodec(ReleasedSchemas.load(), Objects.requireNonNull(registry, "registry"), naming, mode);
    }

    /**
     * As {@link #withRegistry(RegistryClient, SubjectNameStrategy, RegistrationMode)}, writing the versions
     * {@code versions} says (a service's: {@link SchemaVersions#fromSettings}).
     */
    public static MessageCodec withRegistry(
            RegistryClient registry, SubjectNameStrategy naming, RegistrationMode mode, SchemaVersions versions) {
        return new MessageCodec(
                ReleasedSchemas.load(), versions, Objects.requireNonNull(registry, "registry"), naming, mode);
    }

    /** The Avro full name of a message, e.g. {@code org.cosmicstock.schemas.commands.Allocate}. */
    public static String typeName(SpecificRecord message) {
        return message.getSchema().getFullName();
    }

    /**
     * The {@code content-type} header value for an encoded payload, by its first byte.
     *
     * @throws IllegalArgumentException if the payload is in neither wire format
     */
    public static String contentTypeOf(byte[] payload) {
        WireFormat format = WireFormat.of(payload);
        if (format == null) {
            throw new IllegalArgumentException("Not an encoded message: neither wire format");
        }
        return format.mediaType();
    }

    /** The format {@link #encode} writes. */
    public WireFormat writeFormat() {
        return encoder.format();
    }

    /**
     * The version {@link #encode} writes of a message type, e.g. 1 for {@code Allocated} written as v1 while
     * readers of the previous release may still run.
     *
     * @throws IllegalArgumentException if the type is not a message type of the contract
     */
    public int writeVersion(Class<? extends SpecificRecord> type) {
        return encoder.version(type);
    }

    /** The {@code content-type} header value of what {@link #encode} writes. */
    public String contentType() {
        return writeFormat().mediaType();
    }

    /** As {@link #encode(String, SpecificRecord)} without a topic: enough unless subjects are named per topic. */
    public byte[] encode(SpecificRecord message) {
        return encode(null, message);
    }

    /**
     * The message in this codec's write format.
     *
     * @param topic where it goes; names the registry subject under {@link SubjectNameStrategy#TOPIC_RECORD_NAME}
     * @throws IllegalArgumentException if the message's schema is not released or a required field is null
     * @throws SchemaNotRegisteredException if its schema is not registered and the codec only verifies
     * @throws RegistryUnavailableException if the registry must be asked and gives no usable answer
     * @throws RegistryRefusedException if the codec registers and the registry refuses
     */
    public byte[] encode(String topic, SpecificRecord message) {
        return encoder.encode(topic, message);
    }

    /**
     * The message, read into the current generated class of its type, whichever version and format wrote it.
     *
     * @throws MessageDecodingException if the bytes can never be read (dead-letter them)
     * @throws RegistryUnavailableException if the registry must be asked and gives no usable answer (retry)
     */
    public SpecificRecord decode(byte[] bytes) {
        return decoder.decode(bytes);
    }

    /**
     * The Avro full name of the message's writer schema, without decoding the body.
     *
     * @throws MessageDecodingException as {@link #decode} would for the header
     * @throws RegistryUnavailableException as {@link #decode} would
     */
    public String typeOf(byte[] bytes) {
        return decoder.typeOf(bytes);
    }

    /**
     * Start-up check of a producer: makes sure the schema of each type it writes to {@code topic} (in the version it writes) is
     * registered under its subject (or registers it, in {@link RegistrationMode#REGISTER}) and caches the ids, so
     * that no message waits for the registry later. Nothing to do, and an empty list, for a single-object codec.
     *
     * @return what the registry holds for each type, for the start-up log
     * @throws SchemaNotRegisteredException if one is missing and the codec only verifies
     * @throws RegistryRefusedException if the codec registers and the registry refuses
     * @throws RegistryUnavailableException if the registry gives no usable answer
     * @throws IllegalArgumentException if a type is not a message type of the contract
     */
    public List<RegisteredSchema> verifyWriters(String topic, Collection<Class<? extends SpecificRecord>> types) {
        return encoder.verify(topic, types);
    }
}
