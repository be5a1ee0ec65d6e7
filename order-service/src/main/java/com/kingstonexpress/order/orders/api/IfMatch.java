package com.kingstonexpress.order.orders.api;

import com.kingstonexpress.platform.problem.ProblemException;

/** {@code If-Match} carries the order's version: {@code "3"}, {@code 3} or {@code W/"3"}; {@code *} matches any. */
final class IfMatch {

    private IfMatch() {
    }

    static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must carry the order's version, e.g. \"3\".");
        }
    }
}
