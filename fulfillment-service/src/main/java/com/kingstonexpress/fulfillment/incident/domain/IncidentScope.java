package com.kingstonexpress.fulfillment.incident.domain;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which deliveries a slowdown covers: orders to any of {@code regions} (as in the delivery address) and/or
 * carried by any of {@code carriers} (carrier codes, e.g. {@code royal-parcel}).
 */
public record IncidentScope(List<String> regions, List<String> carriers) {

    /** Trimmed, without blanks or repeats, in the order given. */
    public IncidentScope {
        regions = tidy(regions);
        carriers = tidy(carriers);
    }

    public boolean isEmpty() {
        return regions.isEmpty() && carriers.isEmpty();
    }

    private static List<String> tidy(List<String> names) {
        if (names == null) {
            return List.of();
        }
        LinkedHashSet<String> tidy = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                tidy.add(name.trim());
            }
        }
        return List.copyOf(tidy);
    }
}
