package org.cosmicstock.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cosmicstock.messaging.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With an operator password configured: probes and metrics open, everything else on the management port needs it. */
@WithOperator
class OperationsSecurityIT {

    private static final String[] OPERATOR = {"operator", "correct-horse-battery"};

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    @Autowired
    SampleService.Rebuilds rebuilds;

    @Test
    void aMutatingOperationNeedsTheOperatorsCredentials() {
        TestHttp ops = new TestHttp(managementPort);
        int before = rebuilds.count.get();

        HttpResponse<String> anonymous = ops.post("/actuator/rebuild");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(anonymous.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"cosmic-stock operations\""));
        assertThat(anonymous.body()).contains("needs the operator's credentials");
        assertThat(ops.post("/actuator/rebuild", "operator", "wrong-password-here")
                        .statusCode())
                .isEqualTo(401);
        assertThat(ops.post("/actuator/rebuild", "ops", "correct-horse-battery").statusCode())
                .isEqualTo(401);
        assertThat(rebuilds.count.get()).as("refused calls change nothing").isEqualTo(before);

        HttpResponse<String> operator = ops.post("/actuator/rebuild", OPERATOR);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(rebuilds.count.get()).isEqualTo(before + 1);
    }

    @Test
    void readingAnOperationsEndpointOtherThanProbesAndMetricsNeedsCredentialsToo() {
        TestHttp ops = new TestHttp(managementPort);
        assertThat(ops.get("/actuator/rebuild").statusCode()).isEqualTo(401);
        assertThat(ops.get("/actuator/info").statusCode()).isEqualTo(401);
        assertThat(ops.get("/actuator").statusCode()).isEqualTo(401);
        assertThat(ops.get("/actuator/rebuild", OPERATOR).statusCode()).isEqualTo(200);
    }

    @Test
    void probesAndMetricsAreOpenButHealthDetailsAreTheOperatorsOnly() {
        TestHttp ops = new TestHttp(managementPort);
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(ops.get(probe).statusCode()).as(probe).isEqualTo(200);
        }
        assertThat(ops.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(ops.get("/actuator/prometheus").body()).contains("jvm_");

        HttpResponse<String> anonymous = ops.get("/actuator/health");
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("secret-cluster-id");
        assertThat(ops.get("/actuator/health", OPERATOR).body()).contains("secret-cluster-id");
    }

    @Test
    void theBusinessApiOnTheMainPortStaysOpenAndHasNoActuator() {
        TestHttp api = new TestHttp(port);
        assertThat(api.send(api.request("/echo")
                                .header("content-type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")))
                        .body())
                .isEqualTo("received 2 bytes");
        assertThat(api.post("/actuator/rebuild").statusCode()).isEqualTo(404);
        assertThat(api.post("/actuator/rebuild", OPERATOR).statusCode()).isEqualTo(404);
        assertThat(api.get("/actuator/health").statusCode()).isEqualTo(404);
    }
}
