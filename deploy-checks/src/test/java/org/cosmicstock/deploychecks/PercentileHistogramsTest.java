package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.PropertiesMeterFilter;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The dashboard's and alerts' latency percentiles need _bucket series: the services' shared defaults
 * (messaging-defaults.yml, loaded as MessagingDefaults loads it) turn percentile histograms on for the
 * HTTP server and handler timers, bounded to 1 ms..30 s, through Boot's own meter filter.
 */
class PercentileHistogramsTest {
    private static final String DEFAULTS =
            "messaging/src/main/resources/org/cosmicstock/messaging/config/messaging-defaults.yml";
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private static PrometheusMeterRegistry registryWithTheSharedDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("service", Map.of("spring.application.name", "orders-service")));
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                .load("messaging-defaults", new FileSystemResource(Repository.path(DEFAULTS)));
        defaults.forEach(environment.getPropertySources()::addLast);
        MetricsProperties properties = Binder.get(environment)
                .bind("management.metrics", MetricsProperties.class)
                .orElseGet(MetricsProperties::new);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PropertiesMeterFilter(properties));
        return registry;
    }

    private static List<Double> bucketBounds(String scrape, String series) {
        return scrape.lines()
                .filter(l -> l.startsWith(series + "_bucket{"))
                .map(l -> {
                    Matcher m = LE.matcher(l);
                    assertThat(m.find()).isTrue();
                    return m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                })
                .toList();
    }

    @Test
    void httpAndHandlerTimersPublishBoundedPercentileHistograms() throws IOException {
        PrometheusMeterRegistry registry = registryWithTheSharedDefaults();
        Timer.builder("message.handling")
                .tag("type", "Allocate")
                .register(registry)
                .record(Duration.ofMillis(7));
        Timer.builder("http.server.requests")
                .tags("uri", "/orders", "method", "POST", "status", "202")
                .register(registry)
                .record(Duration.ofMillis(40));
        Timer.builder("some.other.timer").register(registry).record(Duration.ofMillis(1));

        String scrape = registry.scrape();

        for (String series : List.of("message_handling_seconds", "http_server_requests_seconds")) {
            List<Double> bounds = bucketBounds(scrape, series);
            assertThat(bounds).as("%s buckets", series).isNotEmpty().contains(Double.POSITIVE_INFINITY);
            List<Double> finite = bounds.stream().filter(Double::isFinite).toList();
            assertThat(finite.get(0)).as("%s smallest bucket", series).isGreaterThanOrEqualTo(0.001);
            assertThat(finite.get(finite.size() - 1))
                    .as("%s largest bucket", series)
                    .isLessThanOrEqualTo(30.0);
        }
        assertThat(scrape).contains("application=\"orders-service\"");
        assertThat(bucketBounds(scrape, "some_other_timer_seconds"))
                .as("other timers stay plain")
                .isEmpty();
    }
}
