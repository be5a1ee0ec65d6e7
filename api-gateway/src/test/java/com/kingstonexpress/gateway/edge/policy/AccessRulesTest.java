package com.kingstonexpress.gateway.edge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The "who" column of docs/design/API.md, row by row: the roles listed pass, the others do not. */
class AccessRulesTest {

    private static final Set<String> ALL_ROLES = Set.of("seller", "support-agent", "operations", "storefront");

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "POST | /api/v1/orders                                      | storefront",
            "GET  | /api/v1/orders                                      | seller",
            "GET  | /api/v1/orders/summary                              | seller",
            "GET  | /api/v1/orders/export                               | seller",
            "POST | /api/v1/notification-subscriptions                  | seller",
            "GET  | /api/v1/notification-subscriptions/s-1/deliveries   | seller",
            "DELETE | /api/v1/notification-subscriptions/s-1            | seller",
            "GET  | /api/v1/notifications/stream                        | seller",
            "GET  | /api/v1/orders/o-1                                  | seller support-agent",
            "GET  | /api/v1/orders/o-1/history                          | seller support-agent",
            "GET  | /api/v1/orders/o-1/actions                          | seller",
            "POST | /api/v1/orders/o-1/actions/mark-delivered           | seller",
            "POST | /api/v1/orders/o-1/customer-confirmations           | storefront",
            "POST | /api/v1/support/orders/o-1/status-corrections       | support-agent",
            "GET  | /api/v1/orders/o-1/tracking                         | seller support-agent",
            "POST | /api/v1/platform/incidents                          | operations",
            "POST | /api/v1/platform/incidents/i-1/resolution           | operations",
            "GET  | /api/v1/platform/incidents                          | seller support-agent operations storefront",
            "POST | /api/v1/customer-messages                           | storefront",
            "GET  | /api/v1/conversations                               | seller",
            "GET  | /api/v1/conversations/c-1                           | seller support-agent",
            "GET  | /api/v1/conversations/c-1/messages/m-1              | seller support-agent",
            "POST | /api/v1/conversations/c-1/reply-check               | seller",
            "POST | /api/v1/conversations/c-1/messages                  | seller",
            "GET  | /api/v1/messaging/response-times                    | seller",
            "POST | /api/v1/tickets/preflight                           | seller",
            "POST | /api/v1/tickets                                     | seller",
            "GET  | /api/v1/tickets                                     | seller support-agent",
            "GET  | /api/v1/tickets/t-1                                 | seller support-agent",
            "POST | /api/v1/tickets/t-1/comments                        | seller support-agent",
            "GET  | /api/v1/tickets/t-1/comments/c-1                    | seller support-agent",
            "GET  | /api/v1/platform/incidents/i-1                      | seller support-agent operations storefront",
            "POST | /api/v1/tickets/t-1/assignment                      | support-agent",
            "POST | /api/v1/tickets/t-1/status                          | seller support-agent" })
    void rolesPerApiMd(String method, String path, String allowed) {
        Set<String> allowedRoles = Set.copyOf(Arrays.asList(allowed.trim().split(" ")));
        Access access = AccessRules.forRequest(method.trim(), path.trim());
        for (String role : ALL_ROLES) {
            assertEquals(allowedRoles.contains(role), access.admits(Set.of(role)), role + " on " + method + " " + path);
        }
        assertEquals(false, access.signedWebhook());
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/fulfillment-centers/center-london-1/events", "/api/v1/carriers/royal-parcel/tracking-events" })
    void webhooksAreSignedNotTokenBearing(String path) {
        assertEquals(true, AccessRules.forRequest("POST", path).signedWebhook());
        assertEquals(false, AccessRules.forRequest("GET", path).signedWebhook(), "only the POST is a webhook");
    }

    @ParameterizedTest
    @CsvSource({ "DELETE, /api/v1/orders/o-1", "GET, /api/v1/customer-messages", "GET, /api/v1/orders/o-1/unknown",
            "GET, /api/v1/orders/o-1;x=1/history/y", "PATCH, /api/v1/platform/incidents/i-1",
            "GET, /api/v1/fulfillment-centers/c-1/events" })
    void whatNoRuleNamesIsDeniedToEveryone(String method, String path) {
        Access access = AccessRules.forRequest(method, path);
        assertEquals(true, access.refused());
        for (String role : ALL_ROLES) {
            assertEquals(false, access.admits(Set.of(role)), role);
        }
    }
}
