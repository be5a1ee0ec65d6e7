package com.kingstonexpress.gateway.routing.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service answers a public path (docs/design/API.md). More specific entries come first: an order's tracking
 * timeline belongs to fulfillment-service although it lives under {@code /api/v1/orders}.
 */
public final class RouteTable {

    private record Entry(Pattern path, Downstream service) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(Pattern.compile("/api/v1/orders/[^/]+/tracking/?"), Downstream.FULFILLMENT),
            new Entry(prefix("/api/v1/orders"), Downstream.ORDER),
            new Entry(prefix("/api/v1/support/orders"), Downstream.ORDER),
            new Entry(prefix("/api/v1/fulfillment-centers"), Downstream.FULFILLMENT),
            new Entry(prefix("/api/v1/carriers"), Downstream.FULFILLMENT),
            new Entry(prefix("/api/v1/platform"), Downstream.FULFILLMENT),
            new Entry(prefix("/api/v1/customer-messages"), Downstream.MESSAGING),
            new Entry(prefix("/api/v1/conversations"), Downstream.MESSAGING),
            new Entry(prefix("/api/v1/messaging"), Downstream.MESSAGING),
            new Entry(prefix("/api/v1/tickets"), Downstream.SUPPORT),
            new Entry(prefix("/api/v1/notification-subscriptions"), Downstream.NOTIFICATION),
            new Entry(prefix("/api/v1/notifications"), Downstream.NOTIFICATION));

    /** The Vert.x route regex that sends every proxied path to the gateway's proxy handler. */
    public static final String PROXIED_PATHS =
            "/api/v1/(orders|support/orders|fulfillment-centers|carriers|platform|customer-messages|conversations|messaging|tickets|notification-subscriptions|notifications)(/.*)?";

    private RouteTable() {
    }

    /** The service for a normalized request path, or empty when the gateway itself (or nobody) answers. */
    public static Optional<Downstream> serviceFor(String path) {
        for (Entry entry : ENTRIES) {
            if (entry.path().matcher(path).matches()) {
                return Optional.of(entry.service());
            }
        }
        return Optional.empty();
    }

    private static Pattern prefix(String prefix) {
        return Pattern.compile(Pattern.quote(prefix) + "(/.*)?");
    }
}
