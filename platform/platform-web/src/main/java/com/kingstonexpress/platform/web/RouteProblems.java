package com.kingstonexpress.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.problem.Problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems answered from a Vert.x route, before RESTEasy (and its mappers and {@link RequestIdFilter}) run: the same
 * shape, the request id echoed. The rest of the request is never read, so the connection goes once it is answered.
 */
final class RouteProblems {

    /** Longer paths are not echoed as {@code instance}: the refusal may be for the path's own length. */
    private static final int MAX_INSTANCE_LENGTH = 1024;

    private RouteProblems() {
    }

    static void refuseAndClose(RoutingContext ctx, ObjectMapper json, Problem problem) {
        String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        String path = ctx.normalizedPath();
        if (path != null && path.length() <= MAX_INSTANCE_LENGTH) {
            problem.instance(path);
        }
        problem.with("requestId", requestId);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = ctx.response().setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ignored -> ctx.request().connection().close());
        }
        response.end(body);
    }
}
