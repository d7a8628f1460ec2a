package org.cosmicstock.schemas.codec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.RegistrySchema;

/**
 * Readers for schema-registry format messages: the writer schema fetched by id, resolved against the
 * current generated class with Avro schema resolution, and cached, so each id costs one request per process.
 * What the registry says about an id never changes, so permanent failures are cached too; an unknown id
 * (maybe registered a moment later) and an unreachable registry are not.
 */
final class RegistryReaders {

    private final RegistryClient registry;
    private final Map<String, MessageType> types;
    private final Map<Integer, Resolution> byId = new ConcurrentHashMap<>();

    RegistryReaders(RegistryClient registry, Map<String, MessageType> types) {
        this.registry = registry;
        this.types = types;
    }

    SpecificRecord decode(byte[] bytes) {
        Resolved resolved = resolve(RegistryHeader.readSchemaId(bytes));
        return BodyReader.read(resolved.reader(), bytes, RegistryHeader.LENGTH, resolved.where());
    }

    String typeOf(byte[] bytes) {
        return resolve(RegistryHeader.readSchemaId(bytes)).writer().getFullName();
    }

    private Resolved resolve(int id) {
        Resolution resolution = byId.get(id);
        if (resolution == null) {
            // Fetched outside the map's lock: an HTTP call must not block lookups of other ids.
            resolution = fetch(id);
            byId.putIfAbsent(id, resolution);
        }
        if (resolution.failure() != null) {
            throw new UnresolvableSchemaException(id, resolution.failure());
        }
        return resolution.resolved();
    }

    private Resolution fetch(int id) {
        Optional<RegistrySchema> found = registry.schemaById(id);
        if (found.isEmpty()) {
            throw new UnknownSchemaIdException(id, registry.location());
        }
        RegistrySchema text = found.get();
        if (!text.isAvro()) {
            return Resolution.failed("Schema id " + id + " is a " + text.schemaType() + " schema, not Avro");
        }
        Schema writer;
        try {
            writer = new Schema.Parser().parse(text.schema());
        } catch (RuntimeException e) {
            return Resolution.failed("Schema id " + id + " is not a valid Avro schema: " + e.getMessage());
        }
        String name = writer.getType() == Schema.Type.RECORD
                ? writer.getFullName()
                : writer.getType().getName();
        MessageType type = types.get(name);
        if (type == null) {
            return Resolution.failed("Schema id " + id + " is " + abbreviate(name)
                    + ", not a message type of the contract (expected one of " + types.keySet() + ")");
        }
        SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(type.schema(), writer);
        if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
            return Resolution.failed("Schema id " + id + " (" + name + ") cannot be read as the current version of "
                    + name + ": " + describe(compatibility));
        }
        DatumReader<SpecificRecord> reader = new SpecificDatumReader<>(writer, type.schema(), type.model());
        return new Resolution(new Resolved(writer, reader, name + " (schema id " + id + ")"), null);
    }

    private static String describe(SchemaPairCompatibility compatibility) {
        return compatibility.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .collect(Collectors.joining("; "));
    }

    // The name comes from whoever registered the schema; a dead-letter header is no place for a novel.
    private static String abbreviate(String name) {
        return name.length() > 200 ? name.substring(0, 200) + "..." : name;
    }

    private record Resolved(Schema writer, DatumReader<SpecificRecord> reader, String where) {}

    private record Resolution(Resolved resolved, String failure) {
        static Resolution failed(String failure) {
            return new Resolution(null, failure);
        }
    }
}
