package com.kingstonexpress.fulfillment.incident.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a declaration of a platform-wide delivery slowdown must say to be of use to sellers and customers. */
public final class IncidentRules {

    /** One thing wrong with a declaration: the field and why. */
    public record Violation(String field, String message) {
    }

    /** The window is stored as timestamps: from 1970 up to the end of year 9999, what every store here can hold. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant END_OF_YEAR_9999 = Instant.parse("+10000-01-01T00:00:00Z");

    private IncidentRules() {
    }

    /**
     * "scope: region and/or carrier, time window": the scope names at least one region or carrier; a window
     * with an end ends after it starts, and not already in the past; both ends lie between 1970 and 9999.
     */
    public static List<Violation> check(IncidentScope scope, Instant startsAt, Instant endsAt, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (scope.isEmpty()) {
            violations.add(new Violation("scope", "must name at least one region or carrier"));
        }
        if (outOfRange(startsAt)) {
            violations.add(new Violation("startsAt", "must be between 1970 and 9999"));
        }
        if (outOfRange(endsAt)) {
            violations.add(new Violation("endsAt", "must be between 1970 and 9999"));
        } else if (endsAt != null && !endsAt.isAfter(startsAt)) {
            violations.add(new Violation("endsAt", "must be after startsAt"));
        } else if (endsAt != null && !endsAt.isAfter(now)) {
            violations.add(new Violation("endsAt", "must be in the future: an incident that is over needs no declaration"));
        }
        return violations;
    }

    private static boolean outOfRange(Instant instant) {
        return instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(END_OF_YEAR_9999));
    }

    /** Where an incident stands at {@code now}. */
    public static IncidentPhase phase(Instant startsAt, Instant endsAt, Instant resolvedAt, Instant now) {
        if (resolvedAt != null) {
            return IncidentPhase.RESOLVED;
        }
        if (endsAt != null && !endsAt.isAfter(now)) {
            return IncidentPhase.ENDED;
        }
        return startsAt.isAfter(now) ? IncidentPhase.SCHEDULED : IncidentPhase.ACTIVE;
    }
}
