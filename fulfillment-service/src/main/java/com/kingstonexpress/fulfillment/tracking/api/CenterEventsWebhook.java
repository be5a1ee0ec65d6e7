package com.kingstonexpress.fulfillment.tracking.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.fulfillment.tracking.config.WebhookConfig;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.platform.security.WebhookSignature;

/** Dispatchment centers push what happens to their parcels; the request is authenticated by its HMAC signature, not a JWT. */
@Path("/api/v1/fulfillment-centers/{centerId}/events")
@PermitAll
@Tag(name = "Fulfillment webhooks")
public class CenterEventsWebhook {

    @Inject
    WebhookGate gate;
    @Inject
    WebhookConfig config;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed batch of center events", description = "Body {events[{eventId, orderId, type, "
            + "occurredAt, carrier, trackingNumber, location, proof, details}]}, header X-KX-Signature: t=<unix seconds>,"
            + "v1=<hex HMAC-SHA256 of \"t.body\">. 202 once stored: {accepted, duplicates, rejected[{eventId, reason, code}]}; the same bytes and header again "
            + "within the window (a retry) get that same 202 and body, and store nothing.")
    public Response receive(@PathParam("centerId") String centerId,
            @HeaderParam(WebhookSignature.HEADER) String signature,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CenterEventBatch.class))) byte[] body) {
        return gate.receive(Sender.center(centerId), config.centers(), signature, body, CenterEventBatch.class);
    }
}
