package com.kingstonexpress.messaging.responsetime.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.messaging.responsetime.application.MeasureResponseTimes;
import com.kingstonexpress.messaging.responsetime.application.ResponseTimes;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

/** A seller's response times, computed by PostgreSQL over the seller's conversations. */
@Path("/api/v1/messaging/response-times")
@Tag(name = "Messaging")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseTimesResource {

    @Inject
    MeasureResponseTimes measure;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Time-to-first-reply percentiles, messages waiting, conversations awaiting a reply, the oldest waiting")
    public ResponseTimes responseTimes() {
        return measure.of(caller.sellerId());
    }
}
