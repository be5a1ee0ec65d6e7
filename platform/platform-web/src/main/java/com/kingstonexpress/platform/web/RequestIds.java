package com.kingstonexpress.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The {@code X-Request-Id} of the work in progress. It lives in the logging MDC, which Quarkus carries
 * along the request's Vert.x context; consumers set it from the event they handle, so the id follows a
 * request across services and into every event it causes.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** W3C Trace Context: carried from the request into the events it causes (CloudEvents tracing extension). */
    public static final String TRACEPARENT = "traceparent";
    /** The span attribute that carries the request id. */
    public static final String REQUEST_ID_ATTRIBUTE = "kx.request_id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private RequestIds() {
    }

    /** The id of the current request or event, or {@code null} outside of one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Accepts a caller's id if it is a sane token, else makes a new one (ids end up in logs and events). */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /**
     * The W3C {@code traceparent} of the work in progress, or {@code null}: the current span when tracing is on
     * (so the events a request causes continue its trace), else the one the caller sent.
     */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        }
        Object value = MDC.get(TRACEPARENT);
        return value == null ? null : value.toString();
    }

    /** Keeps a well-formed {@code traceparent}; anything else is dropped rather than passed on. */
    public static void setTraceparent(String traceparent) {
        if (traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            MDC.put(TRACEPARENT, traceparent);
        } else {
            MDC.remove(TRACEPARENT);
        }
    }

    /** Sets the id of the work in progress (and tags the current span with it, when tracing is on). */
    public static void set(String requestId) {
        if (requestId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, requestId);
            Span.current().setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        }
    }
}
