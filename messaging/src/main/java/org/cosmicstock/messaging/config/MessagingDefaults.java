package org.cosmicstock.messaging.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration every service shares, as defaults of lowest precedence: a service's own {@code
 * application.yml}, the environment and the command line all override them. They live in {@code
 * messaging-defaults.yml} next to this class.
 */
public final class MessagingDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "org/cosmicstock/messaging/config/messaging-defaults.yml";

    /** The OTLP traces endpoint: Spring Boot 4's name, and the name Boot 3 and most guides use. */
    static final String OTLP_TRACING_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    static final String OTLP_TRACING_ENDPOINT_BOOT3 = "management.otlp.tracing.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("messaging-defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        // MANAGEMENT_OTLP_TRACING_ENDPOINT (Boot 3's property, removed in Boot 4) still turns the export on.
        String boot3 = environment.getProperty(OTLP_TRACING_ENDPOINT_BOOT3);
        if (boot3 != null && !boot3.isBlank() && environment.getProperty(OTLP_TRACING_ENDPOINT) == null) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("otlp-tracing-endpoint", Map.of(OTLP_TRACING_ENDPOINT, boot3)));
        }
    }
}
