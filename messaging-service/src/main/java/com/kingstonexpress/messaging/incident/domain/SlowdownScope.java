package com.kingstonexpress.messaging.incident.domain;

import java.util.List;
import java.util.Locale;

/**
 * Which orders a platform-wide delivery slowdown covers: by region and/or carrier. An empty list does
 * not narrow that dimension, so a scope with neither covers every order.
 */
public record SlowdownScope(List<String> regions, List<String> carriers) {

    /**
     * @param country ISO code of the delivery address (a region may be named by its country code)
     * @param region  the delivery address region
     * @param carrier the order's carrier, null before tracking is added
     */
    public boolean covers(String country, String region, String carrier) {
        boolean regionMatches = regions.isEmpty() || contains(regions, region) || contains(regions, country);
        boolean carrierMatches = carriers.isEmpty() || contains(carriers, carrier);
        return regionMatches && carrierMatches;
    }

    private static boolean contains(List<String> values, String value) {
        return value != null && values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)));
    }
}
