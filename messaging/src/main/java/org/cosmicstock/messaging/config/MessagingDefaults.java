package org.cosmicstock.messaging.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration every service shares, as defaults of lowest precedence: a service's own {@code
 * application.yml}, the environment and the command line all override them. They live in {@code
 * messaging-defaults.yml} next to this class.
 */
public final class MessagingDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "org/cosmicstock/messaging/config/messaging-defaults.yml";

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
    }
}
