package com.kingstonexpress.platform.parking;

import java.time.Instant;

/**
 * An event kept until the fact it names is known.
 *
 * @param consumer  whose event it is (the {@link ParkedEventHandler} that applies it)
 * @param eventId   unique per consumer: parking the same event twice keeps it once
 * @param awaiting  the key of the missing fact, e.g. {@code order:<orderId>}
 * @param payload   what the handler needs to apply it later (the consumer's own serialization)
 * @param reason    why it waits, in plain language
 */
public record ParkedEvent(String consumer, String eventId, String awaiting, String payload, String reason,
        Instant parkedAt, Instant expiresAt) {
}
