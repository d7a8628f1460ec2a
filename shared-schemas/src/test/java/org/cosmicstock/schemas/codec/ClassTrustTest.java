package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.util.ClassSecurityValidator;
import org.cosmicstock.schemas.testing.SampleMessages;
import org.junit.jupiter.api.Test;

class ClassTrustTest {

    /**
     * Nothing in the build, the images or the services sets Avro's package trust: the codec trusts
     * its own classes. A JVM of this module's tests has no such setting either, so this proves it.
     */
    @Test
    void decodesEveryMessageTypeInAJvmThatTrustsNoPackage() {
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES"))
                .as("set for the tests, it would hide a codec that needs it")
                .isNull();
        MessageCodec codec = MessageCodec.create();

        SampleMessages.all()
                .forEach(message ->
                        assertThat(codec.decode(codec.encode(message))).isEqualTo(message));
    }

    @Test
    void creatingACodecTrustsEveryGeneratedMessageClass() {
        MessageCodec.create();
        MessageCodec.create();

        MessageType.ALL.forEach(
                type -> assertThat(ClassSecurityValidator.getGlobal().isTrusted(type.type()))
                        .as("%s", type.type())
                        .isTrue());
    }

    @Test
    void trustsNothingElse() {
        MessageCodec.create();

        assertThat(ClassSecurityValidator.getGlobal().isTrusted(ClassTrustTest.class))
                .isFalse();
    }
}
