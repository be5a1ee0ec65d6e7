package com.kingstonexpress.gateway.routing.policy;

import java.util.Optional;

/**
 * A service builds absolute links ({@code Location}) from its own address, which clients cannot reach.
 * The gateway moves them onto its configured public base URL, or makes them relative when none is
 * configured. The client's {@code Host} header is never used: it is whatever the client typed.
 */
public final class Locations {

    private Locations() {
    }

    /**
     * @param value       the service's {@code Location}
     * @param serviceBase the service's configured base URL, without a trailing slash
     * @param publicUrl   the gateway's public base URL, if configured
     */
    public static String rewrite(String value, String serviceBase, Optional<String> publicUrl) {
        if (!value.startsWith(serviceBase)) {
            return value;
        }
        String rest = value.substring(serviceBase.length());
        if (!rest.isEmpty() && !rest.startsWith("/") && !rest.startsWith("?")) {
            // http://svc:8081 must not match http://svc:80810/...
            return value;
        }
        String path = rest.isEmpty() ? "/" : rest;
        return publicUrl.map(Locations::withoutTrailingSlash).map(base -> base + path).orElse(path);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
