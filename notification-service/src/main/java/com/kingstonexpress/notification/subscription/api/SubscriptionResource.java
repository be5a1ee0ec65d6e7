package com.kingstonexpress.notification.subscription.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.notification.subscription.application.CreateSubscription;
import com.kingstonexpress.notification.subscription.application.DeleteSubscription;
import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

/** A seller's webhook endpoints: register one (its secret shown once), list them, delete one. */
@Path("/api/v1/notification-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final String PATH = "/api/v1/notification-subscriptions/";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    Caller caller;
    @Inject
    SubscriptionStore store;
    @Inject
    CreateSubscription create;
    @Inject
    DeleteSubscription delete;
    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.SELLER)
    public Response create(@NotNull @Valid SubscriptionViews.CreateSubscription request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        CreateSubscription.Command command = new CreateSubscription.Command(caller.sellerId(), caller.actorId(), request.url(),
                request.eventTypes(), request.description());
        IdempotencyKeys.StoredResponse response = create.create(command, idempotencyKey, write(request),
                s -> new IdempotencyKeys.StoredResponse(201, PATH + s.subscriptionId(), write(view(s, true))));
        return Response.status(response.status()).location(URI.create(response.location()))
                .type(MediaType.APPLICATION_JSON).entity(response.body()).build();
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    public Page<SubscriptionViews.Subscription> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Cursors.TimeAndId after = Cursors.timeAndId(cursor);
        return Page.keyset(store.page(caller.sellerId(), after == null ? null : after.at(), after == null ? null : after.id(),
                size), size, s -> Cursors.encode(s.createdAt(), s.subscriptionId()))
                .map(s -> view(s, false));
    }

    @GET
    @Path("/{subscriptionId}")
    @RolesAllowed(Roles.SELLER)
    public SubscriptionViews.Subscription get(@PathParam("subscriptionId") String subscriptionId) {
        return view(owned(subscriptionId), false);
    }

    @DELETE
    @Path("/{subscriptionId}")
    @RolesAllowed(Roles.SELLER)
    public Response delete(@PathParam("subscriptionId") String subscriptionId) {
        delete.delete(caller.sellerId(), subscriptionId);
        return Response.noContent().build();
    }

    /** The caller's active subscription, or 404 (also for another seller's: ids cannot be probed). */
    SubscriptionStore.Subscription owned(String subscriptionId) {
        return store.findActive(subscriptionId).filter(s -> s.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscriptionId));
    }

    private static SubscriptionViews.Subscription view(SubscriptionStore.Subscription s, boolean withSecret) {
        return new SubscriptionViews.Subscription(s.subscriptionId(), s.sellerId(), s.url(), s.eventTypes(), s.description(),
                s.createdAt(), withSecret ? s.secret() : null, SubscriptionViews.Signing.HMAC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
