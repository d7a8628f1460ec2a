package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Random;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.registry.RegistrationMode;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever arrives in the registry format, a consumer gets a typed error it can dead-letter, never a raw crash. */
class RegistryCodecFuzzTest {

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();
    private final MessageCodec codec = MessageCodec.withRegistry(
            RegistryClient.connect(registry.url()), SubjectNameStrategy.RECORD_NAME, RegistrationMode.REGISTER);
    private final byte[] allocate = codec.encode(new Allocate("order-1", "RED-CHAIR", 2));

    @AfterEach
    void stopRegistry() {
        registry.stop();
    }

    @Test
    void hugeLengthIsTruncatedNotAllocated() {
        byte[] huge = Arrays.copyOf(allocate, 15);
        byte[] almostTwoGigabytes = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        System.arraycopy(almostTwoGigabytes, 0, huge, 5, almostTwoGigabytes.length);

        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void randomBodiesAfterAKnownIdNeverEscapeAsRawExceptions() {
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            byte[] bytes = Arrays.copyOf(allocate, 5 + random.nextInt(24));
            for (int b = 5; b < bytes.length; b++) {
                bytes[b] = (byte) random.nextInt(256);
            }
            Throwable thrown = catchThrowable(() -> codec.decode(bytes));
            assertThat(thrown)
                    .as("body %s", Arrays.toString(bytes))
                    .satisfiesAnyOf(
                            t -> assertThat(t).isNull(),
                            t -> assertThat(t).isInstanceOf(MalformedMessageException.class));
        }
    }

    @Test
    void randomBytesAfterTheMagicByteAreDecodingErrors() {
        // Each unknown id is a request to the registry, so fewer rounds than for the bodies.
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            if (bytes.length > 0) {
                bytes[0] = 0;
            }
            assertThat(catchThrowable(() -> codec.decode(bytes)))
                    .as("bytes %s", Arrays.toString(bytes))
                    .isInstanceOf(MessageDecodingException.class);
        }
    }
}
