package com.kingstonexpress.fulfillment.tracking.persistence;

import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import com.kingstonexpress.fulfillment.tracking.domain.EventAdmission;

/**
 * The facts a center or carrier event may wait for, as parking keys: {@code order:<orderId>} (center events) and
 * {@code tracking:<carrierCode>:<trackingNumber>} (carrier events; a tracking number is only unique per carrier).
 */
@ApplicationScoped
public class FactKeys {

    private static final String CARRIERS = "kx.webhooks.carriers.";

    @Inject
    Config config;

    public static String order(String orderId) {
        return "order:" + orderId;
    }

    public static String tracking(String carrier, String trackingNumber) {
        return "tracking:" + EventAdmission.carrierCode(carrier) + ":" + trackingNumber;
    }

    /**
     * The keys a newly known tracking number satisfies. Without a carrier (a seller may add tracking without
     * naming it), any carrier's events for the number apply, so it satisfies every carrier that may report: the
     * configured ones (only they can get past the webhook signature).
     */
    public List<String> trackingFacts(String carrierOrNull, String trackingNumber) {
        if (carrierOrNull != null && !EventAdmission.carrierCode(carrierOrNull).isEmpty()) {
            return List.of(tracking(carrierOrNull, trackingNumber));
        }
        return carriers().stream().map(c -> tracking(c, trackingNumber)).toList();
    }

    private List<String> carriers() {
        TreeSet<String> carriers = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(CARRIERS) && name.endsWith(".secret")) {
                carriers.add(name.substring(CARRIERS.length(), name.length() - ".secret".length()).replace("\"", ""));
            }
        }
        return List.copyOf(carriers);
    }
}
