package com.kingstonexpress.order.orders.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.order.orders.application.CorrectStatus;
import com.kingstonexpress.order.orders.application.CorrectStatusCommand;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

@Path("/api/v1/support/orders/{orderId}/status-corrections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support")
public class StatusCorrectionResource {

    @Inject
    CorrectStatus correctStatus;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.SUPPORT_AGENT)
    @Operation(summary = "Correct an order's status (any direction) with a mandatory reason; audited in the history")
    @APIResponse(responseCode = "200", description = "the corrected order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response correct(@PathParam("orderId") String orderId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusCorrectionRequest body) {
        OrderView order = correctStatus.correct(
                new CorrectStatusCommand(orderId, body.status(), body.reason(), IfMatch.version(ifMatch), caller.actorId()), OrderView::of);
        return Response.ok(order).tag(OrderResource.etag(order.version())).build();
    }
}
