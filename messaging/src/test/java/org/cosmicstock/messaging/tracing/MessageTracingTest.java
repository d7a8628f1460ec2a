package org.cosmicstock.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Map;
import org.cosmicstock.messaging.bus.Traceparent;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Spans on a real OpenTelemetry SDK, exported to memory, with the sampler a deployment would have. */
class MessageTracingTest {

    private static final String CLIENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();

    @Test
    void aMessageWithATraceparentIsHandledInAChildSpanWhoseContextTheNextHopCarries() {
        MessageTracing tracing = tracing(Sampler.parentBased(Sampler.alwaysOff()));

        String next;
        try (MessageTracing.Traced span = tracing.start("handle Allocate", CLIENT, Span.Kind.CONSUMER, Map.of())) {
            next = span.traceparent();
            assertThat(tracing.currentTraceparent()).isEqualTo(next);
        }

        SpanData handled = exported.getFinishedSpanItems().get(0);
        assertThat(handled.getName()).isEqualTo("handle Allocate");
        assertThat(handled.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(handled.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(next).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + handled.getSpanId() + "-01");
    }

    @Test
    void aMessageWithoutOneStartsATraceThatTheSamplerDecides() {
        MessageTracing kept = tracing(Sampler.parentBased(Sampler.alwaysOn()));
        try (MessageTracing.Traced span = kept.start("handle Allocate", null, Span.Kind.CONSUMER, Map.of())) {
            assertThat(Traceparent.isValid(span.traceparent())).isTrue();
            assertThat(span.traceparent()).endsWith("-01");
        }
        assertThat(exported.getFinishedSpanItems()).hasSize(1);

        exported.reset();
        MessageTracing dropped = tracing(Sampler.parentBased(Sampler.alwaysOff()));
        try (MessageTracing.Traced span = dropped.start("handle Allocate", "garbage", Span.Kind.CONSUMER, Map.of())) {
            assertThat(Traceparent.isValid(span.traceparent())).isTrue();
            assertThat(span.traceparent()).as("not sampled").endsWith("-00");
        }
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aTraceNobodyRecordsIsCarriedOnWithoutASpanAndItsIdsAreLogged() {
        MessageTracing tracing = tracing(Sampler.parentBased(Sampler.alwaysOn()));
        String unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        MDC.put("traceId", "outer");

        try (MessageTracing.Traced span = tracing.start("handle Allocate", unsampled, Span.Kind.CONSUMER, Map.of())) {
            assertThat(span.traceparent()).isEqualTo(unsampled);
            assertThat(MDC.get("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(MDC.get("spanId")).isEqualTo("00f067aa0ba902b7");
        }

        assertThat(exported.getFinishedSpanItems()).isEmpty();
        assertThat(MDC.get("traceId")).isEqualTo("outer");
        assertThat(MDC.get("spanId")).isNull();
        MDC.clear();
    }

    @Test
    void withoutATracerEveryHopKeepsTheContextItWasGivenOrGetsOne() {
        try (MessageTracing.Traced span = MessageTracing.NONE.start("handle", CLIENT, Span.Kind.CONSUMER, Map.of())) {
            assertThat(span.traceparent()).isEqualTo(CLIENT);
        }
        try (MessageTracing.Traced span = MessageTracing.NONE.start("handle", null, Span.Kind.CONSUMER, Map.of())) {
            assertThat(Traceparent.isValid(span.traceparent())).isTrue();
        }
        assertThat(MessageTracing.NONE.currentTraceparent()).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }

    private MessageTracing tracing(Sampler sampler) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(sampler)
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
        OtelPropagator propagator =
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        return new MessageTracing(tracer, propagator);
    }
}
