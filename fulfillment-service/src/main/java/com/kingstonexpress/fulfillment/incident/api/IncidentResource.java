package com.kingstonexpress.fulfillment.incident.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.incident.application.DeclareIncident;
import com.kingstonexpress.fulfillment.incident.application.ResolveIncident;
import com.kingstonexpress.fulfillment.incident.persistence.Incident;
import com.kingstonexpress.fulfillment.incident.persistence.IncidentStore;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

/** Platform-wide delivery slowdowns: operations declare and resolve them; every signed-in user may see the current ones. */
@Path("/api/v1/platform/incidents")
@Tag(name = "Platform incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private static final String PATH = "/api/v1/platform/incidents/";

    @Inject
    DeclareIncident declare;
    @Inject
    ResolveIncident resolve;
    @Inject
    IncidentStore incidents;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATIONS)
    @Operation(summary = "Declare a delivery slowdown", description = "201 with Location and the incident; a retry with the "
            + "same Idempotency-Key and body returns the first answer.")
    public Response declare(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull DeclareIncidentRequest request) {
        DeclareIncident.Command command = new DeclareIncident.Command(request.scope().regions(), request.scope().carriers(),
                request.startsAt() == null ? null : request.startsAt().toInstant(),
                request.endsAt() == null ? null : request.endsAt().toInstant(), request.customerNote(), caller.actorId());
        IdempotencyKeys.StoredResponse answer = declare.declare(command, idempotencyKey, text(request),
                incident -> new IdempotencyKeys.StoredResponse(201, PATH + incident.incidentId,
                        text(IncidentView.of(incident, json, clock.instant()))));
        return Response.status(answer.status()).location(URI.create(answer.location()))
                .entity(answer.body()).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("{incidentId}/resolution")
    @RolesAllowed(Roles.OPERATIONS)
    @Operation(summary = "Resolve a delivery slowdown", description = "200 with the resolved incident; resolving a resolved "
            + "incident again is also 200 and changes nothing.")
    public IncidentView resolve(@PathParam("incidentId") String incidentId) {
        return IncidentView.of(resolve.resolve(incidentId, caller.actorId()), json, clock.instant());
    }

    @GET
    @RolesAllowed("**")
    @Operation(summary = "Current delivery slowdowns", description = "Unresolved incidents whose window has not ended: "
            + "ACTIVE ones and SCHEDULED ones (starting later).")
    public IncidentView.Current current() {
        Instant now = clock.instant();
        boolean operations = caller.is(Roles.OPERATIONS);
        return new IncidentView.Current(incidents.unresolvedNotEnded(now).stream()
                .map(i -> IncidentView.of(i, json, now, operations)).toList());
    }

    @GET
    @Path("{incidentId}")
    @RolesAllowed("**")
    @Operation(summary = "One incident, in any state")
    public IncidentView one(@PathParam("incidentId") String incidentId) {
        Incident incident = incidents.find(incidentId);
        if (incident == null) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        return IncidentView.of(incident, json, clock.instant(), caller.is(Roles.OPERATIONS));
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
