package com.kingstonexpress.order.incidents.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A platform-wide delivery slowdown declared by operations: a scope (regions and/or carriers) and a time
 * window. Regions match an order's delivery region or its country code, case-insensitively, so a scope of
 * {@code GB} covers every British order and {@code Greater London} only those in that region.
 */
public record Slowdown(String incidentId, Set<String> regions, Set<String> carriers, Instant startsAt, Instant endsAt,
        Instant resolvedAt) {

    public boolean isActiveAt(Instant now) {
        return resolvedAt == null && !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
    }

    public boolean covers(String region, String country, String carrier, Instant now) {
        return isActiveAt(now) && (matches(regions, region) || matches(regions, country) || matches(carriers, carrier));
    }

    private static boolean matches(Set<String> scope, String value) {
        return value != null && scope.stream().anyMatch(s -> s.equalsIgnoreCase(value.trim()));
    }
}
