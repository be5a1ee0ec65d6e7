package com.kingstonexpress.platform.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.problem.Problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * Vert.x's HTTP decoder answers a request line over {@code quarkus.http.limits.max-initial-line-length}, or headers over
 * {@code max-header-size}, with a bare 414/431 (no body) before any route runs. The platform raises those parser limits
 * (microprofile-config.properties) and enforces its real ones here, {@code kx.http.limits.max-request-line-length} and
 * {@code kx.http.limits.max-header-size}, as problem+json like every other refusal. Requests beyond the raised parser
 * limits still get Vert.x's bare answer (platform/README.md).
 */
@ApplicationScoped
public class RequestHeadLimit {

    /**
     * Before every application route: after the gateway's RequestIdRoute (-10 000), so the gateway's refusal carries
     * its own request id, and before its proxy route (-3) and {@link BodyLimit}.
     */
    static final int ORDER = -1_000;
    /** ' ' target ' ' "HTTP/1.1": what the request line holds beside the method and the target. */
    private static final int LINE_OVERHEAD = 2 + "HTTP/1.1".length();
    /** ": " and CRLF on each header line. */
    private static final int HEADER_LINE_OVERHEAD = 4;

    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "kx.http.limits.max-request-line-length")
    int maxRequestLine;
    @ConfigProperty(name = "kx.http.limits.max-header-size")
    MemorySize maxHeaderSize;

    void install(@Observes Router router) {
        long maxHeaders = maxHeaderSize.asLongValue();
        router.route().order(ORDER).handler(ctx -> {
            HttpServerRequest in = ctx.request();
            if (requestLineLength(in) > maxRequestLine) {
                RouteProblems.refuseAndClose(ctx, json, Problems.requestLineTooLong(
                        "The request line (method, path and query) is longer than the " + maxRequestLine
                                + " bytes this API accepts; send long inputs in a body.")
                        .with("maxRequestLineBytes", maxRequestLine));
            } else if (headerBytes(in) > maxHeaders) {
                RouteProblems.refuseAndClose(ctx, json, Problems.headersTooLarge(
                        "The request headers are larger, all together, than the " + maxHeaders + " bytes this API accepts.")
                        .with("maxHeaderBytes", maxHeaders));
            } else {
                ctx.next();
            }
        });
    }

    /** Vert.x decodes the request line and headers one byte to one char, so lengths are byte counts. */
    static int requestLineLength(HttpServerRequest in) {
        return in.method().name().length() + in.uri().length() + LINE_OVERHEAD;
    }

    static long headerBytes(HttpServerRequest in) {
        long total = 0;
        for (Map.Entry<String, String> header : in.headers()) {
            total += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        return total;
    }
}
