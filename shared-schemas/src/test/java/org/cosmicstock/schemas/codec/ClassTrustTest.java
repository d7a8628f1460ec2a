package org.cosmicstock.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class ClassTrustTest {

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
