package com.kingstonexpress.platform.web;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.outbox.ProbeConsumer;
import com.kingstonexpress.platform.problem.RuleRefusalException;
import com.kingstonexpress.platform.security.Caller;

/** A resource written the way services write theirs, to test the platform's HTTP behaviour. */
@Path("/probe")
public class ProbeResource {

    @Inject
    Caller caller;

    public enum Colour { RED, GREEN }

    public record ProbeBody(@NotBlank String name, @NotNull @Positive Integer quantity, Colour colour) {
    }

    @Inject
    Outbox outbox;

    @POST
    @Path("/events/{subject}")
    @Transactional
    public Map<String, String> append(@PathParam("subject") String subject) {
        return Map.of("eventId", outbox.append("kx.platform-test.events.v1", "com.kingstonexpress.test.from-request.v1", subject, Map.of()).id());
    }

    /** Appends an event that this application's own {@code probe} consumer applies (a request-to-consumer trace). */
    @POST
    @Path("/probe-events/{subject}")
    @Transactional
    public Map<String, String> appendForProbe(@PathParam("subject") String subject) {
        return Map.of("eventId", outbox.append(ProbeConsumer.TOPIC, "com.kingstonexpress.test.probe.v1", subject, Map.of()).id());
    }

    @POST
    @Path("/validated")
    public ProbeBody validated(@Valid @NotNull ProbeBody body) {
        return body;
    }

    @GET
    @Path("/caller")
    @RolesAllowed("seller")
    public Map<String, String> caller(@Context SecurityContext security) {
        return Map.of("name", security.getUserPrincipal().getName(), "actorId", caller.actorId(), "sellerId", caller.sellerId());
    }

    @POST
    @Path("/refusal")
    public void refuse() {
        throw new RuleRefusalException("PROBE_RULE", "The probe refuses.", "Ask again later.");
    }
}
