package com.kingstonexpress.gateway.edge.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.problem.Problems;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems the gateway answers itself on its Vert.x routes (the proxy and the OpenAPI document), in the
 * same {@code application/problem+json} shape the services' mappers write.
 */
@ApplicationScoped
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @Inject
    ObjectMapper json;

    public static Problem unauthorized(String detail) {
        return Problems.unauthorized(detail);
    }

    public static Problem forbidden() {
        return Problems.forbidden("Your role may not do this.");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return Problems.tooManyRequests("rate-limited", "Too many requests",
                "Slow down: retry after " + retryAfterSeconds + " second(s).");
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return Problems.payloadTooLarge("payload-too-large", "Payload too large",
                "The request body is larger than " + maxBytes + " bytes.").with("maxBytes", maxBytes);
    }

    /** Default-deny: no edge rule names this method and path. */
    public static Problem notFound() {
        return Problems.notFound("There is no such resource or operation.");
    }

    public static Problem bodyTooSlow() {
        return Problems.requestTimeout(
                "The request body did not arrive in time; send it again at a steady pace.");
    }

    public static Problem unsupportedFraming(String detail) {
        return Problems.badRequest(detail);
    }

    public static Problem tooManyInFlight(String whose) {
        return Problems.tooManyRequests("too-many-in-flight", "Too many requests in progress",
                "Too many requests of this " + whose + " are in progress; wait for some to finish.");
    }

    public static Problem busy(Downstream service) {
        return Problems.serviceUnavailable("busy", "Busy",
                "The gateway is busy with requests to " + service.serviceName() + "; try again shortly.")
                .with("service", service.serviceName());
    }

    public static Problem internal() {
        return Problems.internal();
    }

    public static Problem serviceUnavailable(Downstream service) {
        return Problems.serviceUnavailable("service-unavailable", "Service unavailable",
                service.serviceName() + " cannot be reached right now; try again shortly.")
                .with("service", service.serviceName());
    }

    public static Problem serviceTimeout(Downstream service) {
        return Problems.gatewayTimeout("service-timeout", "Service did not answer in time",
                service.serviceName() + " did not answer in time; try again shortly.")
                .with("service", service.serviceName());
    }

    /** Ends the exchange with {@code problem}, unless the response has already started. */
    public void send(RoutingContext ctx, Problem problem, String requestId) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        problem.instance(ctx.normalizedPath()).with("requestId", requestId);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            LOG.error("problem not serialisable", e);
            body = "{\"status\":" + problem.getStatus() + "}";
        }
        response.setStatusCode(problem.getStatus()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.getStatus() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body);
    }
}
