package com.kingstonexpress.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The {@code X-Request-Id} of the work in progress. It lives in the logging MDC, which Quarkus carries
 * along the request's Vert.x context; consumers set it from the event they handle, so the id follows a
 * request across services and into every event it causes.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id of the current request or event, or {@code null} outside of one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Accepts a caller's id if it is a sane token, else makes a new one (ids end up in logs and events). */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static void set(String requestId) {
        if (requestId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, requestId);
        }
    }
}
