package com.kingstonexpress.notification.delivery.api;

import java.time.Instant;
import java.util.List;

/** Response bodies of a subscription's delivery log. */
public final class DeliveryViews {

    private DeliveryViews() {
    }

    /** What the endpoint answered last (status and the start of its body), or why there was no answer. */
    public record LastResponse(Integer status, String body, String error) {
    }

    public record Delivery(String deliveryId, String subscriptionId, String eventId, String eventType, String status, int attempts,
            int replays, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant giveUpAt,
            LastResponse lastResponse) {
    }

    public record Attempt(int attempt, Instant startedAt, Instant finishedAt, Integer status, String error, String body) {
    }

    public record DeliveryDetail(Delivery delivery, List<Attempt> attempts) {
    }
}
