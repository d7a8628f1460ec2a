package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Random;
import org.cosmicstock.schemas.commands.Allocate;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives in a wire format, a consumer gets a typed error it can dead-letter, never a raw crash: a
 * length field claiming almost 2 GB, random bodies after a valid header, random bytes. One subclass per wire
 * format says where its header ends and how its random bytes start.
 */
abstract class CodecFuzzTests {

    private final int headerLength;
    private final int bodyRounds;
    private final int bytesRounds;

    /**
     * @param headerLength where the Avro body starts, after the wire format's header
     * @param bodyRounds how many random bodies after a valid header
     * @param bytesRounds how many random byte strings
     */
    CodecFuzzTests(int headerLength, int bodyRounds, int bytesRounds) {
        this.headerLength = headerLength;
        this.bodyRounds = bodyRounds;
        this.bytesRounds = bytesRounds;
    }

    /** The codec under test. */
    abstract MessageCodec codec();

    /** Makes random bytes look like the wire format (a magic byte), or leaves them as they are. */
    void shape(byte[] randomBytes) {}

    private byte[] allocate() {
        return codec().encode(new Allocate("order-1", "RED-CHAIR", 2));
    }

    @Test
    void hugeLengthIsTruncatedNotAllocated() {
        byte[] huge = Arrays.copyOf(allocate(), headerLength + 10);
        byte[] almostTwoGigabytes = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        System.arraycopy(almostTwoGigabytes, 0, huge, headerLength, almostTwoGigabytes.length);

        assertThatThrownBy(() -> codec().decode(huge)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void randomBodiesAfterAValidHeaderNeverEscapeAsRawExceptions() {
        byte[] allocate = allocate();
        Random random = new Random(42);
        for (int i = 0; i < bodyRounds; i++) {
            byte[] bytes = Arrays.copyOf(allocate, headerLength + random.nextInt(24));
            for (int b = headerLength; b < bytes.length; b++) {
                bytes[b] = (byte) random.nextInt(256);
            }
            Throwable thrown = catchThrowable(() -> codec().decode(bytes));
            assertThat(thrown)
                    .as("body %s", Arrays.toString(bytes))
                    .satisfiesAnyOf(
                            t -> assertThat(t).isNull(),
                            t -> assertThat(t).isInstanceOf(MalformedMessageException.class));
        }
    }

    @Test
    void randomBytesAreDecodingErrors() {
        Random random = new Random(7);
        for (int i = 0; i < bytesRounds; i++) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            shape(bytes);
            assertThat(catchThrowable(() -> codec().decode(bytes)))
                    .as("bytes %s", Arrays.toString(bytes))
                    .isInstanceOf(MessageDecodingException.class);
        }
    }
}
