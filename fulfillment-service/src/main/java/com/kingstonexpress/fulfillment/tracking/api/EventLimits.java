package com.kingstonexpress.fulfillment.tracking.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Size limits of reported events: generous for real senders, small enough to keep the history lean. */
public final class EventLimits {

    public static final int ID = 100;
    public static final int TYPE = 50;
    public static final int TEXT = 500;
    public static final int DETAILS = 4000;

    private EventLimits() {
    }

    /** {@code details} is free JSON (an object or a text); kept as its JSON text, or null when absent. */
    static String detailsJson(JsonNode details) {
        return details == null || details.isNull() ? null : details.toString();
    }

    /** @return null when fine, else what is wrong with {@code details} */
    static String detailsProblem(JsonNode details) {
        if (details == null || details.isNull()) {
            return null;
        }
        if (!details.isObject() && !details.isTextual()) {
            return "must be a JSON object or a text";
        }
        return details.toString().length() > DETAILS ? "must be at most " + DETAILS + " characters of JSON" : null;
    }
}
