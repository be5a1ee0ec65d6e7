package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;

/**
 * The latest event (by occurred-at, then event id) that switched a condition on or off. A condition follows
 * the latest such event, whatever order the events arrive in.
 */
public record ConditionMark(boolean active, Instant occurredAt, String eventId) {

    boolean isOlderThan(Instant otherOccurredAt, String otherEventId) {
        int byTime = occurredAt.compareTo(otherOccurredAt);
        return byTime < 0 || (byTime == 0 && eventId.compareTo(otherEventId) < 0);
    }
}
