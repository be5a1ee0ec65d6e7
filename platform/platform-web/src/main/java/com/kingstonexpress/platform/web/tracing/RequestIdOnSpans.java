package com.kingstonexpress.platform.web.tracing;

import jakarta.enterprise.context.ApplicationScoped;

import com.kingstonexpress.platform.web.RequestIds;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Puts the {@code X-Request-Id} (the id users and support quote) on every span started while it is known, so a
 * request id leads to its trace. The server span of a request starts before the request id is assigned;
 * {@code RequestIds.set} tags that one when the request id is assigned. A span started where the request id is not
 * on the thread (a Vert.x callback, such as the gateway's call to a service) takes it from its parent span.
 */
@ApplicationScoped
public class RequestIdOnSpans implements SpanProcessor {

    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey(RequestIds.REQUEST_ID_ATTRIBUTE);

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String requestId = RequestIds.current();
        if (requestId == null && Span.fromContext(parentContext) instanceof ReadableSpan parent) {
            requestId = parent.getAttribute(REQUEST_ID);
        }
        if (requestId != null) {
            span.setAttribute(RequestIds.REQUEST_ID_ATTRIBUTE, requestId);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
