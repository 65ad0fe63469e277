package vn.grassroots.common.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current span as a W3C {@code traceparent} (version 00), stored with an event in the outbox: the relay sends
 * later, from its own thread, so the context must travel with the row.
 */
public final class TraceParent {
    /** The Kafka header and CloudEvents extension attribute (CloudEvents distributed tracing extension). */
    public static final String NAME = "traceparent";

    private TraceParent() {}

    /** The current span's context, or null when there is none (tracing off, or outside a traced request). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    static String of(SpanContext c) {
        if (c == null || !c.isValid()) {
            return null;
        }
        return "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
    }
}
