package org.cosmicstock.messaging.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The sample service with an operator password; test classes that share it share one running context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SampleServiceRunning
@TestPropertySource(
        properties = {
            "management.endpoints.web.exposure.include=health,info,prometheus,rebuild",
            "management.endpoint.health.probes.enabled=true",
            "cosmicstock.ops.username=operator",
            "cosmicstock.ops.password=correct-horse-battery"
        })
@interface WithOperator {}
