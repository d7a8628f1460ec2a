package org.cosmicstock.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cosmicstock.messaging.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/** Without an operator password, nobody can run a mutating operation, and start-up says how to enable them. */
@ExtendWith(OutputCaptureExtension.class)
@SampleServiceRunning
@TestPropertySource(properties = "management.endpoints.web.exposure.include=health,prometheus,rebuild")
class OperationsDisabledIT {

    @LocalManagementPort
    int managementPort;

    @Autowired
    SampleService.Rebuilds rebuilds;

    @Test
    void mutatingOperationsAreRefusedWithHowToEnableThem() {
        TestHttp ops = new TestHttp(managementPort);
        int before = rebuilds.count.get();

        HttpResponse<String> refused = ops.post("/actuator/rebuild");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(refused.body())
                .contains("no operator password is configured")
                .contains("COSMICSTOCK_OPS_PASSWORD");
        // Not even the names a deployer might guess, with the passwords they might guess.
        for (String[] guess : new String[][] {{"ops", ""}, {"ops", "ops"}, {"user", "password"}, {"admin", "admin"}}) {
            assertThat(ops.post("/actuator/rebuild", guess).statusCode()).isEqualTo(401);
        }
        assertThat(rebuilds.count.get()).isEqualTo(before);
        assertThat(ops.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(ops.get("/actuator/health", "ops", "").body()).doesNotContain("secret-cluster-id");
    }

    @Test
    void startUpSaysHowToEnableThem(CapturedOutput output) {
        // The context starts after the capture began (beforeAll), so its start-up lines are here.
        assertThat(output.getAll()).contains("are disabled: set COSMICSTOCK_OPS_PASSWORD");
    }
}
