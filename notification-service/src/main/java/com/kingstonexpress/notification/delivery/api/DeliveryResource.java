package com.kingstonexpress.notification.delivery.api;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.kingstonexpress.notification.delivery.application.ReplayDelivery;
import com.kingstonexpress.notification.delivery.domain.DeliveryStatus;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore;
import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;
import com.kingstonexpress.platform.web.QueryParams;

/** A subscription's delivery log: what went out, what the endpoint answered, and replaying parked deliveries. */
@Path("/api/v1/notification-subscriptions/{subscriptionId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    Caller caller;
    @Inject
    SubscriptionStore subscriptions;
    @Inject
    DeliveryStore deliveries;
    @Inject
    ReplayDelivery replay;

    @GET
    @RolesAllowed(Roles.SELLER)
    public Page<DeliveryViews.Delivery> list(@PathParam("subscriptionId") String subscriptionId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        requireOwned(subscriptionId);
        DeliveryStatus wanted = QueryParams.enumValue("status", status, DeliveryStatus.class);
        int size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Cursors.TimeAndId after = Cursors.timeAndId(cursor);
        return Page.keyset(deliveries.page(subscriptionId, wanted, after == null ? null : after.at(),
                after == null ? null : after.id(), size), size, d -> Cursors.encode(d.createdAt(), d.deliveryId()))
                .map(DeliveryResource::view);
    }

    @GET
    @Path("/{deliveryId}")
    @RolesAllowed(Roles.SELLER)
    public DeliveryViews.DeliveryDetail get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("deliveryId") String deliveryId) {
        requireOwned(subscriptionId);
        DeliveryStore.Delivery d = deliveries.find(subscriptionId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
        return new DeliveryViews.DeliveryDetail(view(d), deliveries.attempts(deliveryId).stream()
                .map(a -> new DeliveryViews.Attempt(a.attempt(), a.startedAt(), a.finishedAt(), a.statusCode(), a.error(), a.response()))
                .toList());
    }

    /** Sends a parked delivery again, with a fresh retry window. 202: it is queued, the outcome comes later. */
    @POST
    @Path("/{deliveryId}/replay")
    @RolesAllowed(Roles.SELLER)
    public Response replay(@PathParam("subscriptionId") String subscriptionId, @PathParam("deliveryId") String deliveryId) {
        requireOwned(subscriptionId);
        return Response.accepted(view(replay.replay(subscriptionId, deliveryId))).build();
    }

    private void requireOwned(String subscriptionId) {
        subscriptions.findActive(subscriptionId).filter(s -> s.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscriptionId));
    }

    private static DeliveryViews.Delivery view(DeliveryStore.Delivery d) {
        DeliveryViews.LastResponse last = d.lastAttemptAt() == null ? null
                : new DeliveryViews.LastResponse(d.lastStatusCode(), d.lastResponse(), d.lastError());
        return new DeliveryViews.Delivery(d.deliveryId(), d.subscriptionId(), d.eventId(), d.eventType(), d.status().name(),
                d.attempts(), d.replays(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(), d.deliveredAt(), d.giveUpAt(), last);
    }
}
