package com.kingstonexpress.gateway.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/orders, ORDER",
            "/api/v1/orders/summary, ORDER",
            "/api/v1/orders/o-1, ORDER",
            "/api/v1/orders/o-1/history, ORDER",
            "/api/v1/orders/o-1/actions/cancel, ORDER",
            "/api/v1/orders/o-1/tracking, FULFILLMENT",
            "/api/v1/orders/o-1/tracking/, FULFILLMENT",
            "/api/v1/support/orders/o-1/status-corrections, ORDER",
            "/api/v1/fulfillment-centers/center-london-1/events, FULFILLMENT",
            "/api/v1/carriers/royal-parcel/tracking-events, FULFILLMENT",
            "/api/v1/platform/incidents, FULFILLMENT",
            "/api/v1/platform/incidents/i-1/resolution, FULFILLMENT",
            "/api/v1/customer-messages, MESSAGING",
            "/api/v1/conversations/c-1/messages, MESSAGING",
            "/api/v1/messaging/response-times, MESSAGING",
            "/api/v1/tickets, SUPPORT",
            "/api/v1/tickets/t-1/assignment, SUPPORT",
            "/api/v1/orders/export, ORDER",
            "/api/v1/notification-subscriptions, NOTIFICATION",
            "/api/v1/notification-subscriptions/s-1/deliveries/d-1/replay, NOTIFICATION",
            "/api/v1/notifications/stream, NOTIFICATION" })
    void everyPublicPathHasItsService(String path, Downstream service) {
        assertEquals(Optional.of(service), RouteTable.serviceFor(path));
        assertTrue(path.matches(RouteTable.PROXIED_PATHS), "the proxy route must catch " + path);
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/dashboard", "/api/v1/ordersx", "/api/v1/support/tickets", "/q/openapi", "/api/v2/orders" })
    void othersAreNotProxied(String path) {
        assertEquals(Optional.empty(), RouteTable.serviceFor(path));
        assertFalse(path.matches(RouteTable.PROXIED_PATHS));
    }

    @ParameterizedTest
    @CsvSource({ "Authorization", "Idempotency-Key", "If-Match", "traceparent", "X-KX-Signature", "Content-Type", "Accept" })
    void endToEndHeadersPass(String header) {
        assertTrue(ForwardedHeaders.forwardRequestHeader(header, Set.of()));
    }

    @ParameterizedTest
    @CsvSource({ "X-KX-Seller-Id", "X-KX-Internal-Caller", "x-kx-internal-roles", "X-Forwarded-User", "X-Forwarded-For",
            "Forwarded", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Authorization", "TE", "Host",
            "X-Auth-Request-User" })
    void identityAndHopByHopHeadersAreStripped(String header) {
        assertFalse(ForwardedHeaders.forwardRequestHeader(header, Set.of()));
    }

    @ParameterizedTest
    @CsvSource({ "X-Custom-Hop" })
    void headersNamedInConnectionAreHopByHop(String header) {
        assertFalse(ForwardedHeaders.forwardRequestHeader(header, Set.of("x-custom-hop")));
        assertFalse(ForwardedHeaders.forwardResponseHeader(header, Set.of("x-custom-hop")));
        assertTrue(ForwardedHeaders.forwardResponseHeader("Location", Set.of("x-custom-hop")));
    }
}
