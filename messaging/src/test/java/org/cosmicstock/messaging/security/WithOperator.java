package org.cosmicstock.messaging.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The sample service with an operator password; test classes that share it share one running context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = SampleService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "management.endpoints.web.exposure.include=health,info,prometheus,rebuild",
            "management.endpoint.health.show-details=when-authorized",
            "management.endpoint.health.probes.enabled=true",
            // The sample has no database: its readiness is its own state (the defaults add "db").
            "management.endpoint.health.group.readiness.include=readinessState",
            "cosmicstock.ops.username=operator",
            "cosmicstock.ops.password=correct-horse-battery"
        })
@interface WithOperator {}
