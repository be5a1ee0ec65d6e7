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

/** Carriers push their tracking feed, keyed by tracking number; authenticated by the HMAC signature, not a JWT. */
@Path("/api/v1/carriers/{carrierCode}/tracking-events")
@PermitAll
@Tag(name = "Fulfillment webhooks")
public class CarrierEventsWebhook {

    @Inject
    WebhookGate gate;
    @Inject
    WebhookConfig config;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed batch of carrier tracking events", description = "Body {events[{eventId, "
            + "trackingNumber, type, occurredAt, location, proof, details}]}, header X-KX-Signature as for centers. "
            + "202 once stored: {accepted, duplicates, rejected[{eventId, reason, code}]}; a retry of the same bytes and "
            + "header within the window gets that same answer.")
    public Response receive(@PathParam("carrierCode") String carrierCode,
            @HeaderParam(WebhookSignature.HEADER) String signature,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CarrierEventBatch.class))) byte[] body) {
        return gate.receive(Sender.carrier(carrierCode), config.carriers(), signature, body, CarrierEventBatch.class);
    }
}
