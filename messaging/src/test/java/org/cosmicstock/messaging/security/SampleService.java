package org.cosmicstock.messaging.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service in miniature with what the real ones have: a public API, a health indicator with
 * details worth hiding, and an operation that changes state (like stock-view's projection rebuild).
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
class SampleService {

    @Bean
    Rebuilds rebuilds() {
        return new Rebuilds();
    }

    @Bean
    HealthIndicator broker() {
        return () -> Health.up().withDetail("clusterId", "secret-cluster-id").build();
    }

    @Endpoint(id = "rebuild")
    static class Rebuilds {
        final AtomicInteger count = new AtomicInteger();

        @ReadOperation
        Map<String, Integer> status() {
            return Map.of("rebuilds", count.get());
        }

        @WriteOperation
        Map<String, Integer> rebuild() {
            return Map.of("rebuilds", count.incrementAndGet());
        }
    }

    @RestController // found by the component scan of this package
    static class Echo {
        @PostMapping("/echo")
        String echo(@RequestBody byte[] body) {
            return "received " + body.length + " bytes";
        }
    }
}
