package org.cosmicstock.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.cosmicstock.messaging.bus.Traceparent;

/**
 * Spans for the suite's own hops, on Micrometer Tracing: a message's handling (a child of the trace
 * context it arrived with) and the relay's publication of an outbox row (a child of the span that
 * wrote the row). The W3C {@code traceparent} travels in the messages' headers and in the outbox;
 * this turns it into spans, and a span back into the {@code traceparent} the next hop carries.
 * Without a tracer ({@link #NONE}) every hop keeps the context it was given.
 */
public final class MessageTracing {

    public static final MessageTracing NONE = new MessageTracing(null, null);

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The trace context of the span this thread is in (an HTTP request's), or null. */
    public String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        Span current = tracer.currentSpan();
        return current == null ? null : traceparent(current.context());
    }

    /**
     * Starts a span named {@code name} as a child of {@code parent} (a {@code traceparent}; without
     * one, a new trace that the sampler keeps or not, as it does a new HTTP request's) and makes it the current one on this thread until {@link
     * Traced#close()}: log lines meanwhile carry its {@code traceId} and {@code spanId}.
     */
    public Traced start(String name, String parent, Span.Kind kind, Map<String, String> tags) {
        if (tracer == null) {
            return new Traced(null, null, Traceparent.isValid(parent) ? parent : Traceparent.random());
        }
        Map<String, String> carrier = new HashMap<>(2);
        if (Traceparent.isValid(parent)) {
            carrier.put(TRACEPARENT, parent);
        }
        Span.Builder builder = propagator.extract(carrier, Map::get).name(name).kind(kind);
        tags.forEach(builder::tag);
        Span span = builder.start();
        return new Traced(span, tracer.withSpan(span), traceparent(span.context()));
    }

    private static String traceparent(TraceContext context) {
        return "00-" + context.traceId() + "-" + context.spanId()
                + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }

    /** A started span, in scope on the thread that started it until closed. */
    public static final class Traced implements AutoCloseable {
        private final Span span;
        private final Tracer.SpanInScope scope;
        private final String traceparent;

        Traced(Span span, Tracer.SpanInScope scope, String traceparent) {
            this.span = span;
            this.scope = scope;
            this.traceparent = traceparent;
        }

        /** The context the next hop carries: this span's (the parent's when not tracing). */
        public String traceparent() {
            return traceparent;
        }

        public void error(Throwable failure) {
            if (span != null) {
                span.error(failure);
            }
        }

        /** Leaves the span's scope (on the thread that started it) and ends it. */
        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            if (span != null) {
                span.end();
            }
        }

        /** Ends the span from any thread; its scope must have been left already (see {@link #leave()}). */
        public void end() {
            if (span != null) {
                span.end();
            }
        }

        /** Leaves the span's scope on this thread without ending it (it ends later, e.g. on an acknowledgement). */
        public void leave() {
            if (scope != null) {
                scope.close();
            }
        }
    }
}
