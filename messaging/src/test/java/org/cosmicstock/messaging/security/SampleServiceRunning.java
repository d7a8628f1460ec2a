package org.cosmicstock.messaging.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample service on a random port, its actuator on a management port of its own: what every security
 * test runs. Each says with {@code @TestPropertySource} what it exposes and whether an operator password is set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = SampleService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "management.endpoint.health.show-details=when-authorized",
            // The sample has no database: its readiness is its own state (the defaults add "db").
            "management.endpoint.health.group.readiness.include=readinessState"
        })
@interface SampleServiceRunning {}
