package com.kingstonexpress.gateway.edge.policy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "who" column of docs/design/API.md, as the edge enforces it. The first rule matching method and path wins; a
 * method and path no rule names (a typo, a method the service does not have, a path with {@code ;}
 * parameters) is denied at the edge (default-deny): a new endpoint needs its rule here.
 */
public final class AccessRules {

    private static final String SELLER = "seller";
    private static final String SUPPORT_AGENT = "support-agent";
    private static final String OPERATIONS = "operations";
    private static final String STOREFRONT = "storefront";

    private static final String ID = "[^/]+";

    private record Rule(Set<String> methods, Pattern path, Access access) {
        boolean matches(String method, String p) {
            return (methods.isEmpty() || methods.contains(method)) && path.matcher(p).matches();
        }
    }

    private static final List<Rule> RULES = List.of(
            // Centers and carriers carry an HMAC signature instead of a token.
            rule("POST", "/api/v1/fulfillment-centers/" + ID + "/events", Access.webhook()),
            rule("POST", "/api/v1/carriers/" + ID + "/tracking-events", Access.webhook()),

            // Orders (order-service) and tracking (fulfillment-service).
            rule("POST", "/api/v1/orders", Access.roles(STOREFRONT)),
            rule("GET", "/api/v1/orders", Access.roles(SELLER)),
            rule("GET", "/api/v1/orders/summary", Access.roles(SELLER)),
            rule("GET", "/api/v1/orders/export", Access.roles(SELLER)),
            rule("GET", "/api/v1/orders/" + ID, Access.roles(SELLER, SUPPORT_AGENT)),
            rule("GET", "/api/v1/orders/" + ID + "/history", Access.roles(SELLER, SUPPORT_AGENT)),
            rule("GET", "/api/v1/orders/" + ID + "/tracking", Access.roles(SELLER, SUPPORT_AGENT)),
            rule("GET", "/api/v1/orders/" + ID + "/actions", Access.roles(SELLER)),
            rule("POST", "/api/v1/orders/" + ID + "/actions/" + ID, Access.roles(SELLER)),
            rule("POST", "/api/v1/orders/" + ID + "/customer-confirmations", Access.roles(STOREFRONT)),
            rule(null, "/api/v1/support/orders(/.*)?", Access.roles(SUPPORT_AGENT)),

            // Platform incidents (fulfillment-service).
            rule("GET", "/api/v1/platform/incidents(/" + ID + ")?", Access.anyAuthenticated()),
            rule("POST", "/api/v1/platform/incidents(/.*)?", Access.roles(OPERATIONS)),

            // Messaging.
            rule("POST", "/api/v1/customer-messages", Access.roles(STOREFRONT)),
            // Support agents read a conversation (an escalation is handed to them); only the seller lists and replies.
            rule("GET", "/api/v1/conversations/" + ID + "(/messages/" + ID + ")?", Access.roles(SELLER, SUPPORT_AGENT)),
            rule(null, "/api/v1/conversations(/.*)?", Access.roles(SELLER)),
            rule(null, "/api/v1/messaging(/.*)?", Access.roles(SELLER)),

            // Support tickets: sellers own theirs, agents work the queue.
            rule("POST", "/api/v1/tickets/preflight", Access.roles(SELLER)),
            rule("POST", "/api/v1/tickets", Access.roles(SELLER)),
            rule("GET", "/api/v1/tickets", Access.roles(SELLER, SUPPORT_AGENT)),
            rule("POST", "/api/v1/tickets/" + ID + "/assignment", Access.roles(SUPPORT_AGENT)),
            rule(null, "/api/v1/tickets/" + ID + "(/comments(/" + ID + ")?|/status)?", Access.roles(SELLER, SUPPORT_AGENT)),

            // Notifications (notification-service): a seller's own webhook endpoints and live stream.
            rule(null, "/api/v1/notification-subscriptions(/.*)?", Access.roles(SELLER)),
            rule("GET", "/api/v1/notifications/stream", Access.roles(SELLER)));

    private AccessRules() {
    }

    public static Access forRequest(String method, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Rule rule : RULES) {
            if (rule.matches(method, trimmed)) {
                return rule.access();
            }
        }
        return Access.denied();
    }

    private static Rule rule(String method, String path, Access access) {
        return new Rule(method == null ? Set.of() : Set.of(method), Pattern.compile(path), access);
    }
}
