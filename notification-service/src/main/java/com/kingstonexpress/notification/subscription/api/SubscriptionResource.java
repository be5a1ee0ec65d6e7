package com.kingstonexpress.notification.subscription.api;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.feed.domain.NotificationType;
import com.kingstonexpress.notification.subscription.domain.EndpointPolicy;
import com.kingstonexpress.notification.subscription.persistence.SubscriptionStore;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** A seller's webhook endpoints: register one (its secret shown once), list them, delete one. */
@Path("/api/v1/notification-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Caller caller;
    @Inject
    SubscriptionStore store;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    NotificationConfig config;
    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.SELLER)
    public Response create(@NotNull @Valid SubscriptionViews.CreateSubscription request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        String sellerId = caller.sellerId();
        String actorId = caller.actorId();
        new EndpointPolicy(config.allowInsecureLocalhost()).refusal(request.url()).ifPresent(reason -> {
            throw ProblemException.badRequest(reason);
        });
        List<String> types = eventTypes(request.eventTypes());
        String scope = "notification-subscriptions:" + actorId;
        IdempotencyKeys.StoredResponse response = QuarkusTransaction.requiringNew().call(() -> {
            if (idempotencyKey != null) {
                Optional<IdempotencyKeys.StoredResponse> replay = idempotencyKeys.claim(scope, idempotencyKey, write(request));
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            if (store.lockAndCountActive(sellerId) >= config.maxSubscriptionsPerSeller()) {
                throw ProblemException.conflict("A seller may have at most " + config.maxSubscriptionsPerSeller()
                        + " subscriptions; delete one first.");
            }
            SubscriptionStore.Subscription s = new SubscriptionStore.Subscription("sub_" + UUID.randomUUID(), sellerId, request.url(),
                    types, request.description(), newSecret(), "ACTIVE", actorId, Instant.now().truncatedTo(ChronoUnit.MICROS));
            store.create(s);
            IdempotencyKeys.StoredResponse created = new IdempotencyKeys.StoredResponse(201,
                    "/api/v1/notification-subscriptions/" + s.subscriptionId(), write(view(s, true)));
            if (idempotencyKey != null) {
                idempotencyKeys.complete(scope, idempotencyKey, created);
            }
            return created;
        });
        return Response.status(response.status()).location(URI.create(response.location()))
                .type(MediaType.APPLICATION_JSON).entity(response.body()).build();
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    public Page<SubscriptionViews.Subscription> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(Pages.parseLimit(limit), DEFAULT_LIMIT, MAX_LIMIT);
        Pages.After after = Pages.after(cursor);
        List<SubscriptionStore.Subscription> rows = store.page(caller.sellerId(), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size);
        List<SubscriptionStore.Subscription> page = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? Pages.cursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).subscriptionId()) : null;
        return new Page<>(page.stream().map(s -> view(s, false)).toList(), next);
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
        String sellerId = caller.sellerId();
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> store.delete(sellerId, subscriptionId, Instant.now()));
        if (!deleted) {
            throw ProblemException.notFound("Subscription", subscriptionId);
        }
        return Response.noContent().build();
    }

    /** The caller's active subscription, or 404 (also for another seller's: ids cannot be probed). */
    SubscriptionStore.Subscription owned(String subscriptionId) {
        return store.findActive(subscriptionId).filter(s -> s.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscriptionId));
    }

    private static List<String> eventTypes(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String t : requested) {
            if (NotificationType.ofPublicName(t).isEmpty()) {
                throw ProblemException.badRequest("eventTypes: '" + t + "' is not one of "
                        + java.util.Arrays.stream(NotificationType.values()).map(NotificationType::publicName).toList() + ".");
            }
            types.add(t);
        }
        return List.copyOf(types);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

    /** Cursor pagination helpers shared with the delivery log. */
    public static final class Pages {
        private Pages() {
        }

        public record After(Instant createdAt, String id) {
        }

        public static After after(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                return new After(Instant.parse(parts.get(0)), parts.get(1));
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("The cursor is not valid; start again without one.");
            }
        }

        public static String cursor(Instant createdAt, String id) {
            return Cursors.encode(createdAt.toString(), id);
        }

        public static Integer parseLimit(String limit) {
            if (limit == null) {
                return null;
            }
            try {
                return Integer.valueOf(limit);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("limit must be a whole number.");
            }
        }
    }
}
