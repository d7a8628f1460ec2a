package org.cosmicstock.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.cosmicstock.messaging.bus.Traceparent;
import org.slf4j.MDC;

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
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

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
        boolean valid = Traceparent.isValid(parent);
        if (tracer == null) {
            return new Traced(null, null, valid ? parent : Traceparent.random());
        }
        if (valid && !Traceparent.isSampled(parent)) {
            // Nothing of this trace is recorded anywhere (a parent-based sampler keeps what its root
            // decided): no span is made, the next hop carries the same context, and log lines its ids.
            return Traced.unrecorded(parent);
        }
        Map<String, String> carrier = new HashMap<>(2);
        if (valid) {
            carrier.put(TRACEPARENT, parent);
        }
        Span.Builder builder = propagator.extract(carrier, Map::get).name(name).kind(kind);
        tags.forEach(builder::tag);
        Span span = builder.start();
        return new Traced(span, tracer.withSpan(span), traceparent(span.context()));
    }

    /** The trace and span ids of a context nothing records, in the logging context while in scope. */
    private static final class LoggedIds implements Tracer.SpanInScope {
        private final String traceId;
        private final String spanId;
        private boolean open = true;

        LoggedIds(String traceparent) {
            traceId = MDC.get(TRACE_ID);
            spanId = MDC.get(SPAN_ID);
            MDC.put(TRACE_ID, traceparent.substring(3, 35));
            MDC.put(SPAN_ID, traceparent.substring(36, 52));
        }

        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            restore(TRACE_ID, traceId);
            restore(SPAN_ID, spanId);
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
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

        /**
         * The hop of a trace nobody records: no span, only its ids in the logging context (what
         * a non-recording span would put there), restored when the scope is left.
         */
        static Traced unrecorded(String traceparent) {
            return new Traced(null, new LoggedIds(traceparent), traceparent);
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
