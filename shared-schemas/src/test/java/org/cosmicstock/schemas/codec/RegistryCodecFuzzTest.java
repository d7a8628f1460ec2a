package org.cosmicstock.schemas.codec;

import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever arrives in the registry format, a consumer gets a typed error it can dead-letter, never a raw crash. */
class RegistryCodecFuzzTest extends CodecFuzzTests {

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final MessageCodec codec = registry.codec(RegistrationMode.REGISTER);

    /**
     * The header: the magic byte and the schema id (4 bytes). Each unknown id is a request to the registry, so
     * fewer rounds of random bytes than for the bodies.
     */
    RegistryCodecFuzzTest() {
        super(5, 3_000, 300);
    }

    @Override
    MessageCodec codec() {
        return codec;
    }

    /** After the magic byte. */
    @Override
    void shape(byte[] randomBytes) {
        if (randomBytes.length > 0) {
            randomBytes[0] = 0;
        }
    }
}
