package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Random;
import org.cosmicstock.schemas.commands.Allocate;
import org.junit.jupiter.api.Test;

/** Whatever arrives on a topic, a consumer gets a typed error it can dead-letter, never a raw crash. */
class MessageCodecFuzzTest {

    private final MessageCodec codec = MessageCodec.create();
    private final byte[] allocate = codec.encode(new Allocate("order-1", "RED-CHAIR", 2));

    @Test
    void hugeLengthIsTruncatedNotAllocated() {
        byte[] huge = Arrays.copyOf(allocate, 20);
        byte[] almostTwoGigabytes = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        System.arraycopy(almostTwoGigabytes, 0, huge, 10, almostTwoGigabytes.length);

        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void randomBodiesNeverEscapeAsRawExceptions() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = Arrays.copyOf(allocate, 10 + random.nextInt(24));
            for (int b = 10; b < bytes.length; b++) {
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
    void randomBytesNeverEscapeAsRawExceptions() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            assertThat(catchThrowable(() -> codec.decode(bytes)))
                    .as("bytes %s", Arrays.toString(bytes))
                    .isInstanceOf(MessageDecodingException.class);
        }
    }
}
