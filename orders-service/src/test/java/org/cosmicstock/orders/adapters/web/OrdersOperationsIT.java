package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** orders-service's actuator: on its own port, probes and metrics open, details and the rest for the operator. */
class OrdersOperationsIT extends RunningOrdersService {

    @Test
    void probesAndMetricsAreOpenOnTheManagementPortOnly() {
        assertThat(management("/actuator/health/liveness", false).statusCode()).isEqualTo(200);
        assertThat(management("/actuator/health/readiness", false).statusCode()).isEqualTo(200);
        assertThat(management("/actuator/prometheus", false).body()).contains("messages_consumed_total");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
    }

    @Test
    void readinessDetailsAreTheOperatorsOnly() {
        String anonymous = management("/actuator/health/readiness", false).body();
        assertThat(anonymous)
                .contains("\"status\":\"UP\"")
                .doesNotContain("kafka")
                .doesNotContain("db");
        String operator = management("/actuator/health/readiness", true).body();
        assertThat(operator)
                .as("ready means it can take orders: its database; the broker may be away (the outbox holds them)")
                .contains("\"db\"")
                .doesNotContain("\"kafka\"");
        assertThat(management("/actuator/health", true).body()).contains("\"kafka\"");
    }

    @Test
    void everyOtherOperationNeedsCredentials() {
        assertThat(management("/actuator/info", false).statusCode()).isEqualTo(401);
        assertThat(management("/actuator", false).statusCode()).isEqualTo(401);
        assertThat(management("/actuator/info", true).statusCode()).isEqualTo(200);
    }
}
