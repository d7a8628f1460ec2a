package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The production log format (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs): one JSON object per event, values escaped. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = LogInjectionTest.NothingElse.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "logging.structured.format.console=ecs")
// Closed after the class: Boot configures logging once per JVM until a context closes.
@DirtiesContext
class StructuredLogTest {

    private static final Logger LOG = LoggerFactory.getLogger(StructuredLogTest.class);

    /** Boot configures logging once per JVM while a context lives; make it read this class's settings. */
    @BeforeAll
    static void configureLoggingAfresh() {
        LoggingSystem.get(LogInjectionTest.class.getClassLoader()).cleanUp();
    }

    /** Boot keeps the format in a system property, which would outlive this class and its context. */
    @AfterAll
    static void backToPlainText() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void eachEventIsOneJsonLineWhateverTheValuesHold(CapturedOutput output) {
        LOG.info("Placed order {}", "order-1\r\n" + LogInjectionTest.FORGED);

        String line = Arrays.stream(output.getOut().split("\n"))
                .filter(l -> l.contains("Placed order"))
                .findFirst()
                .orElseThrow();
        JsonNode event = JsonMapper.builder().build().readTree(line);
        assertThat(event.get("message").stringValue()).isEqualTo("Placed order order-1\r\n" + LogInjectionTest.FORGED);
        assertThat(event.get("log").get("level").stringValue()).isEqualTo("INFO");
        assertThat(output.getOut().split("\n")).noneMatch(l -> l.startsWith(LogInjectionTest.FORGED));
    }
}
