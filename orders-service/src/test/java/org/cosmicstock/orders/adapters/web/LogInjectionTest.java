package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The service's own logging configuration (its application.yml, nothing else started): a value
 * from outside with CR/LF in it, in the message, the MDC or an exception's message, stays on its
 * line, so it cannot forge a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = LogInjectionTest.NothingElse.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
// Closed after the class: Boot configures logging once per JVM until a context closes.
@DirtiesContext
class LogInjectionTest {

    static final String FORGED =
            "2026-01-01T00:00:00.000Z  INFO 1 --- [orders-service] [main] forged : admin logged in";
    private static final Logger LOG = LoggerFactory.getLogger(LogInjectionTest.class);

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {}

    /** Boot configures logging once per JVM while a context lives; make it read this class's settings. */
    @BeforeAll
    static void configureLoggingAfresh() {
        LoggingSystem.get(LogInjectionTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void aLineCarriesTheTraceAndSpanOfWhatIsBeingHandled(CapturedOutput output) {
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("spanId", "00f067aa0ba902b7");
        MDC.put("messageId", "msg-2");
        MDC.put("correlationId", "order-2");
        try {
            LOG.info("Placed order {}", "order-2");
        } finally {
            MDC.clear();
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Placed order order-2")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("[4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7 msg-2/order-2] "));
    }

    @Test
    void aLineBreakInALoggedValueStaysOnItsLine(CapturedOutput output) {
        MDC.put("messageId", "msg-1\r\n" + FORGED);
        try {
            LOG.info("Placed order {}", "order-1\r\n" + FORGED + "\u001b[2J\u2028");
        } finally {
            MDC.remove("messageId");
        }
        List<String> lines = Arrays.asList(output.getOut().split("\n"));

        assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
        assertThat(lines)
                .filteredOn(line -> line.contains("Placed order"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("[/ msg-1\\r\\n" + FORGED + "/]")
                        .endsWith("Placed order order-1\\r\\n" + FORGED + "?[2J?"));
    }

    @Test
    void aStackTraceKeepsItsLinesButAnExceptionMessageCannotAddOne(CapturedOutput output) {
        LOG.warn("Handling failed", new IllegalStateException("Invalid sku X\n" + FORGED));

        List<String> lines = Arrays.asList(output.getOut().split("\n"));
        assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
        assertThat(lines).contains("java.lang.IllegalStateException: Invalid sku X\\n" + FORGED);
        assertThat(lines)
                .anyMatch(line -> line.startsWith("\tat org.cosmicstock.orders.adapters.web.LogInjectionTest"));
        assertThat(output.getOut()).containsOnlyOnce("java.lang.IllegalStateException");
    }
}
