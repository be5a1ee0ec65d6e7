package com.kingstonexpress.notification.subscription.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of {@code /api/v1/notification-subscriptions}. */
public final class SubscriptionViews {

    private SubscriptionViews() {
    }

    /** {@code POST} body: where to deliver, and which notification types. */
    public record CreateSubscription(
            @NotNull @Size(min = 1, max = 2048) String url,
            @NotEmpty @Size(max = 32) List<@NotNull @Size(max = 64) String> eventTypes,
            @Size(max = 500) String description) {
    }

    /** How deliveries are signed, so the seller can verify them. */
    public record Signing(String header, String scheme) {
        static final Signing HMAC = new Signing("X-KX-Signature",
                "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the subscription's secret>");
    }

    /** A subscription; {@code secret} only in the answer to its creation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(String subscriptionId, String sellerId, String url, List<String> eventTypes, String description,
            Instant createdAt, String secret, Signing signing) {
    }
}
