package org.cosmicstock.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.codec.UnknownSchemaException;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The version a service writes of each type: the release's default (what the previous release reads) unless
 * set, per type, in the service's settings or environment; a wrong setting stops the start with its name.
 */
class SchemaVersionSettingsTest {

    private static final String ALLOCATED = Allocated.getClassSchema().getFullName();

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(CodecOnly.class);

    @Test
    void withoutSettingsEveryTypeIsWrittenInTheReleasesDefaultVersion() {
        Map<String, Integer> defaults = ReleasedSchemas.load().defaultWriteVersions();

        context.run(c -> {
            MessageCodec codec = c.getBean(MessageCodec.class);
            assertThat(codec.writeVersion(Allocated.class)).isEqualTo(defaults.get(ALLOCATED));
            assertThat(codec.writeVersion(Deallocated.class))
                    .isEqualTo(defaults.get(Deallocated.getClassSchema().getFullName()));
        });
    }

    @Test
    void anEnvironmentVariableRaisesTheVersionOfOneType() {
        context.withInitializer(c -> c.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("COSMICSTOCK_MESSAGING_SCHEMAS_WRITE_ALLOCATED", "2"))))
                .run(c -> assertWrites(c, 2, 1, new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7)));
    }

    @Test
    void aPropertyNamesTheTypeAsInTheContract() {
        context.withPropertyValues(
                        "cosmicstock.messaging.schemas.write.Deallocated=2",
                        "cosmicstock.messaging.schemas.write.Allocated=1")
                .run(c -> assertWrites(c, 1, 2, new Allocated("order-1", "RED-CHAIR", 2, "batch-001", null)));
    }

    @Test
    void aReaderLimitedToOlderVersionsReadsAsThePreviousReleaseDid() {
        byte[] v2 = MessageCodec.create().encode(new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7));
        context.withPropertyValues("cosmicstock.messaging.schemas.read.allocated=1")
                .run(c -> assertThat(catchThrowable(
                                () -> c.getBean(MessageCodec.class).decode(v2)))
                        .isInstanceOf(UnknownSchemaException.class));
        context.run(c -> assertThat(c.getBean(MessageCodec.class).decode(v2)).isInstanceOf(Allocated.class));
    }

    @Test
    void anUnknownTypeStopsTheStartNamingTheSetting() {
        context.withPropertyValues("cosmicstock.messaging.schemas.write.Allocatd=2")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("cosmicstock.messaging.schemas.write.Allocatd: no message type is"
                                + " named 'Allocatd'; the types are Allocate, Allocated,"));
    }

    @Test
    void aVersionThatIsNotReleasedStopsTheStartNamingTheSetting() {
        context.withPropertyValues("cosmicstock.messaging.schemas.write.OutOfStock=2")
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("cosmicstock.messaging.schemas.write.OutOfStock=2: "
                                + OutOfStock.getClassSchema().getFullName()
                                + " has no version 2: its released versions are v1 to v1"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessagingProperties.class)
    static class CodecOnly {
        @Bean
        MessageCodec messageCodec(MessagingProperties properties) {
            return new MessagingConfiguration().messageCodec(properties);
        }
    }

    /**
     * The context's codec writes Allocated in version {@code allocated} and Deallocated in version
     * {@code deallocated}; an Allocated carrying its batch total, written by it, reads back as {@code readBack}.
     */
    private static void assertWrites(
            AssertableApplicationContext c, int allocated, int deallocated, Allocated readBack) {
        MessageCodec codec = c.getBean(MessageCodec.class);
        assertThat(codec.writeVersion(Allocated.class)).isEqualTo(allocated);
        assertThat(codec.writeVersion(Deallocated.class)).isEqualTo(deallocated);
        byte[] bytes = codec.encode(new Allocated("order-1", "RED-CHAIR", 2, "batch-001", 7));
        assertThat(MessageCodec.create().decode(bytes)).isEqualTo(readBack);
    }
}
