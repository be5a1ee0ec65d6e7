package com.kingstonexpress.platform.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.problem.Problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by Quarkus before it is buffered, with a bare 413
 * and no body. This route runs just before Quarkus's own limit check (same limit, same moment: the declared
 * Content-Length) and answers the same 413 as {@code application/problem+json}, like every other error; a body
 * without a length that grows over the limit while being read fails with 413, which the failure handler writes as
 * the same problem. The connection is closed afterwards, as Quarkus does: the rest of the body is never read.
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            if (declaredOver(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit)) {
                refuse(ctx, limit);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, limit);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean declaredOver(String contentLength, long limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Netty refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext ctx, long limit) {
        RouteProblems.refuseAndClose(ctx, json, Problems.payloadTooLarge("body-too-large", "Request body too large",
                "The request body is larger than the " + limit + " bytes this service accepts.")
                .with("maxBodyBytes", limit));
    }
}
