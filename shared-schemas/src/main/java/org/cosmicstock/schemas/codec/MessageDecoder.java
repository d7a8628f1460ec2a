package org.cosmicstock.schemas.codec;

import org.apache.avro.specific.SpecificRecord;

/**
 * The read side of {@link MessageCodec}: both wire formats, told apart by the first byte; the
 * schema-registry format only with {@link RegistryReaders} (null when no registry is configured).
 */
record MessageDecoder(SingleObjectReaders singleObjectReaders, RegistryReaders registryReaders) {

    SpecificRecord decode(byte[] bytes) {
        if (WireFormat.of(bytes) == WireFormat.SCHEMA_REGISTRY) {
            return registryReadersFor(bytes).decode(bytes);
        }
        return singleObjectReaders.decode(bytes);
    }

    String typeOf(byte[] bytes) {
        if (WireFormat.of(bytes) == WireFormat.SCHEMA_REGISTRY) {
            return registryReadersFor(bytes).typeOf(bytes);
        }
        return singleObjectReaders.typeOf(bytes);
    }

    private RegistryReaders registryReadersFor(byte[] bytes) {
        if (registryReaders == null) {
            throw new UnsupportedWireFormatException("Unsupported wire format: the schema-registry format (magic byte"
                    + " 0, schema id "
                    + (bytes.length >= RegistryHeader.LENGTH ? RegistryHeader.readSchemaId(bytes) : "?")
                    + "), but no schema registry is configured here to look the schema up; configure one, or send"
                    + " Avro single-object encoding (C3 01)");
        }
        return registryReaders;
    }
}
