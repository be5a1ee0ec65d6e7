package com.kingstonexpress.gateway.routing.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Which request and response headers cross the gateway. Hop-by-hop headers (RFC 9110 7.6.1) belong to
 * one connection only. Identity headers a client sends are stripped: services must learn who calls from
 * the validated token alone, never from a header anybody can type.
 */
public final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            // "Expect: 100-continue" is answered by the gateway itself, per connection.
            "expect");

    /** Set by the gateway itself (or the service), never taken from the client. */
    private static final Set<String> SET_BY_GATEWAY = Set.of("host", "forwarded", "x-real-ip",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix",
            "x-forwarded-user", "x-forwarded-email", "x-forwarded-groups", "x-remote-user", "x-user", "x-user-id",
            "x-auth-user", "x-authenticated-user");

    /** The webhook signature is the one {@code X-KX-*} header that a sender (a center) legitimately sets. */
    private static final String SIGNATURE = "x-kx-signature";

    private ForwardedHeaders() {
    }

    /**
     * Whether a client request header goes on to the service. {@code connectionTokens} are the header
     * names the client listed in its {@code Connection} header (also hop-by-hop).
     */
    public static boolean forwardRequestHeader(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (HOP_BY_HOP.contains(lower) || SET_BY_GATEWAY.contains(lower) || connectionTokens.contains(lower)) {
            return false;
        }
        if (lower.startsWith("x-kx-") && !lower.equals(SIGNATURE)) {
            return false;
        }
        return !lower.startsWith("x-auth-request-");
    }

    /** W3C trace context: the gateway's tracing writes its own when it is on. */
    public static boolean isTraceContext(String name) {
        return name.equalsIgnoreCase("traceparent") || name.equalsIgnoreCase("tracestate");
    }

    /** Whether a service response header goes back to the client. */
    public static boolean forwardResponseHeader(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !connectionTokens.contains(lower);
    }
}
