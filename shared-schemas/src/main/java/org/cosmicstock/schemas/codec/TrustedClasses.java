package org.cosmicstock.schemas.codec;

import java.util.Collection;
import org.apache.avro.util.ClassSecurityValidator;

/** Adds the generated message classes to Avro's global class trust, once per JVM. */
final class TrustedClasses {

    private static boolean trusted;

    private TrustedClasses() {}

    static synchronized void trust(Collection<? extends Class<?>> classes) {
        if (trusted) {
            return;
        }
        // Avro 1.12 refuses to instantiate classes outside SERIALIZABLE_PACKAGES; our own messages must
        // decode in every JVM, whether or not it sets that property.
        ClassSecurityValidator.Builder builder = ClassSecurityValidator.builder();
        classes.forEach(builder::add);
        ClassSecurityValidator.setGlobal(
                ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), builder.build()));
        trusted = true;
    }
}
