package com.kingstonexpress.gateway.dashboard.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.gateway.edge.api.ProblemResponses;
import com.kingstonexpress.gateway.edge.api.RateLimiter;
import com.kingstonexpress.gateway.edge.api.RequestIdRoute;
import com.kingstonexpress.gateway.edge.policy.TokenBucket;
import com.kingstonexpress.platform.problem.ProblemMappers;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.RequestIds;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/** {@code GET /api/v1/dashboard} (docs/design/API.md, Gateway): the seller's day at a glance. */
@Path("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "The seller's day at a glance, composed by the gateway")
public class DashboardResource {

    @Inject
    DashboardComposer composer;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.SELLER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "New orders, orders needing attention, unanswered messages, open tickets, active incidents",
            description = "Composed in parallel from the services with the caller's token. A section whose service is down "
                    + "or too slow is {\"status\":\"unavailable\"}; the rest still answers 200.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DashboardView.class)))
    @APIResponse(responseCode = "429", description = "Too many requests; see Retry-After")
    public Uni<Response> dashboard(@HeaderParam("Authorization") String authorization,
            @HeaderParam("traceparent") String traceparent,
            @Parameter(hidden = true) @HeaderParam(RequestIdRoute.CLIENT_HEADER) String clientRequestId, @Context UriInfo uri) {
        String sellerId = caller.sellerId();
        TokenBucket.Decision rate = rateLimiter.take("subject:" + caller.actorId());
        if (!rate.allowed()) {
            Response refused = ProblemMappers.respond(ProblemResponses.tooManyRequests(rate.retryAfterSeconds()), uri);
            return Uni.createFrom().item(Response.fromResponse(refused)
                    .header("Retry-After", Long.toString(rate.retryAfterSeconds())).build());
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", authorization)
                .add("Accept", MediaType.APPLICATION_JSON);
        String requestId = RequestIds.current();
        if (requestId != null) {
            headers.add(RequestIds.HEADER, requestId);
        }
        if (clientRequestId != null) {
            headers.add(RequestIdRoute.CLIENT_HEADER, clientRequestId);
        }
        if (traceparent != null) {
            headers.add("traceparent", traceparent);
        }
        return Uni.createFrom().completionStage(() -> composer.compose(sellerId, headers).toCompletionStage())
                .map(view -> Response.ok(view).build());
    }
}
