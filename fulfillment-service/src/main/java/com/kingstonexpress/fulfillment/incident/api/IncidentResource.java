package com.kingstonexpress.fulfillment.incident.api;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import com.kingstonexpress.fulfillment.incident.domain.IncidentRules;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.fulfillment.incident.persistence.Incident;
import com.kingstonexpress.fulfillment.incident.persistence.IncidentStore;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.problem.Problem;
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
    IncidentStore incidents;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATIONS)
    @Transactional
    @Operation(summary = "Declare a delivery slowdown", description = "201 with Location and the incident; a retry with the "
            + "same Idempotency-Key and body returns the first answer.")
    public Response declare(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull DeclareIncident request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        IncidentScope scope = new IncidentScope(request.scope().regions(), request.scope().carriers());
        Instant startsAt = request.startsAt() == null ? now : request.startsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        Instant endsAt = request.endsAt() == null ? null : request.endsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        List<IncidentRules.Violation> violations = IncidentRules.check(scope, startsAt, endsAt, now);
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem(400, "validation", "Invalid request",
                    "The declaration has " + violations.size() + " invalid field(s).")
                    .with("violations", violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList()));
        }
        String idempotencyScope = "incidents:" + caller.actorId();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.StoredResponse> first = idempotencyKeys.claim(idempotencyScope, idempotencyKey, text(request));
            if (first.isPresent()) {
                return Response.status(first.get().status()).location(URI.create(first.get().location()))
                        .entity(first.get().body()).type(MediaType.APPLICATION_JSON).build();
            }
        }
        Incident incident = incidents.declare(scope, startsAt, endsAt, request.customerNote().trim(), caller.actorId());
        IncidentView view = IncidentView.of(incident, json, now);
        String location = PATH + incident.incidentId;
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyScope, idempotencyKey, new IdempotencyKeys.StoredResponse(201, location, text(view)));
        }
        return Response.created(URI.create(location)).entity(view).build();
    }

    @POST
    @Path("{incidentId}/resolution")
    @RolesAllowed(Roles.OPERATIONS)
    @Operation(summary = "Resolve a delivery slowdown", description = "200 with the resolved incident; resolving a resolved "
            + "incident again is also 200 and changes nothing.")
    public IncidentView resolve(@PathParam("incidentId") String incidentId) {
        Incident incident = incidents.resolve(incidentId, caller.actorId());
        if (incident == null) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        return IncidentView.of(incident, json, Instant.now());
    }

    @GET
    @RolesAllowed("**")
    @Operation(summary = "Current delivery slowdowns", description = "Unresolved incidents whose window has not ended: "
            + "ACTIVE ones and SCHEDULED ones (starting later).")
    public IncidentView.Current current() {
        Instant now = Instant.now();
        return new IncidentView.Current(incidents.unresolvedNotEnded(now).stream().map(i -> IncidentView.of(i, json, now)).toList());
    }

    @GET
    @Path("{incidentId}")
    @RolesAllowed("**")
    @Operation(summary = "One incident, in any state")
    public IncidentView one(@PathParam("incidentId") String incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        return IncidentView.of(incident, json, Instant.now());
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
