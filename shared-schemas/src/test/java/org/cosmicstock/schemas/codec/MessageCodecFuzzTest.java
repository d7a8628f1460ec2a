package org.cosmicstock.schemas.codec;

/** Whatever arrives on a topic in the single-object encoding, a consumer gets a typed error, never a raw crash. */
class MessageCodecFuzzTest extends CodecFuzzTests {

    private final MessageCodec codec = MessageCodec.create();

    /** The header: the marker (2 bytes) and the schema's fingerprint (8). */
    MessageCodecFuzzTest() {
        super(10, 5_000, 5_000);
    }

    @Override
    MessageCodec codec() {
        return codec;
    }
}
