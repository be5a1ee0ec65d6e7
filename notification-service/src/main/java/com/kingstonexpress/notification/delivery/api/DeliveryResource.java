package com.kingstonexpress.notification.delivery.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

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

import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.delivery.domain.DeliveryStatus;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore;
import com.kingstonexpress.notification.delivery.service.Dispatcher;
import com.kingstonexpress.notification.subscription.api.SubscriptionResource.Pages;
import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

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
    NotificationConfig config;
    @Inject
    Dispatcher dispatcher;

    @GET
    @RolesAllowed(Roles.SELLER)
    public Page<DeliveryViews.Delivery> list(@PathParam("subscriptionId") String subscriptionId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        requireOwned(subscriptionId);
        DeliveryStatus wanted = status == null ? null : parseStatus(status);
        int size = Cursors.limit(Pages.parseLimit(limit), DEFAULT_LIMIT, MAX_LIMIT);
        Pages.After after = Pages.after(cursor);
        List<DeliveryStore.Delivery> rows = deliveries.page(subscriptionId, wanted, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size);
        List<DeliveryStore.Delivery> page = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? Pages.cursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).deliveryId()) : null;
        return new Page<>(page.stream().map(DeliveryResource::view).toList(), next);
    }

    @GET
    @Path("/{deliveryId}")
    @RolesAllowed(Roles.SELLER)
    public DeliveryViews.DeliveryDetail get(@PathParam("subscriptionId") String subscriptionId, @PathParam("deliveryId") String deliveryId) {
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
        Instant now = Instant.now();
        DeliveryStore.Delivery replayed = deliveries.replay(subscriptionId, deliveryId, now, now.plus(config.retry().giveUpAfter()))
                .orElseThrow(() -> {
                    DeliveryStore.Delivery d = deliveries.find(subscriptionId, deliveryId)
                            .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
                    return ProblemException.conflict("Only a failed delivery can be replayed; this one is " + d.status() + ".");
                });
        dispatcher.wake();
        return Response.accepted(view(replayed)).build();
    }

    private void requireOwned(String subscriptionId) {
        subscriptions.findActive(subscriptionId).filter(s -> s.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscriptionId));
    }

    private static DeliveryStatus parseStatus(String value) {
        try {
            return DeliveryStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status '" + value + "' is not one of " + EnumSet.allOf(DeliveryStatus.class) + ".");
        }
    }

    private static DeliveryViews.Delivery view(DeliveryStore.Delivery d) {
        DeliveryViews.LastResponse last = d.lastAttemptAt() == null ? null
                : new DeliveryViews.LastResponse(d.lastStatusCode(), d.lastResponse(), d.lastError());
        return new DeliveryViews.Delivery(d.deliveryId(), d.subscriptionId(), d.eventId(), d.eventType(), d.status().name(),
                d.attempts(), d.replays(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(), d.deliveredAt(), d.giveUpAt(), last);
    }
}
