package com.kingstonexpress.gateway;

import com.kingstonexpress.gateway.routing.policy.Downstream;

import io.vertx.core.json.JsonObject;

/** Each stub service's own OpenAPI document: its paths of docs/design/API.md and a few component schemas. */
final class StubOpenApi {

    private StubOpenApi() {
    }

    static JsonObject document(Downstream d) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject()
                // Same name in every service, different content: the merge must keep each service's own.
                .put("Problem", new JsonObject().put("type", "object").put("description", "problem of " + d.serviceName()))
                // Same name and content everywhere: merged into one.
                .put("Money", new JsonObject().put("type", "object").put("required", new io.vertx.core.json.JsonArray().add("amount")));
        switch (d) {
            case ORDER -> {
                paths.put("/api/v1/orders", new JsonObject().put("get", op("listOrders", "Page")).put("post", op("createOrder", "Order")));
                paths.put("/api/v1/orders/summary", new JsonObject().put("get", op("ordersSummary", "Summary")));
                paths.put("/api/v1/orders/{orderId}", new JsonObject().put("get", op("getOrder", "Order")));
                paths.put("/api/v1/orders/{orderId}/actions/{action}", new JsonObject().put("post", op("performAction", "Order")));
                paths.put("/api/v1/support/orders/{orderId}/status-corrections", new JsonObject().put("post", op("correctStatus", "Order")));
                schemas.put("Order", new JsonObject().put("type", "object"));
                schemas.put("Summary", new JsonObject().put("type", "object"));
                schemas.put("Page", new JsonObject().put("type", "object"));
            }
            case FULFILLMENT -> {
                paths.put("/api/v1/fulfillment-centers/{centerId}/events", new JsonObject().put("post", op("centerEvents", "BatchResult")));
                paths.put("/api/v1/carriers/{carrierCode}/tracking-events", new JsonObject().put("post", op("carrierEvents", "BatchResult")));
                paths.put("/api/v1/orders/{orderId}/tracking", new JsonObject().put("get", op("tracking", "Tracking")));
                paths.put("/api/v1/platform/incidents", new JsonObject().put("get", op("activeIncidents", "Incident"))
                        .put("post", op("declareIncident", "Incident")));
                schemas.put("BatchResult", new JsonObject().put("type", "object"));
                schemas.put("Tracking", new JsonObject().put("type", "object"));
                schemas.put("Incident", new JsonObject().put("type", "object"));
            }
            case MESSAGING -> {
                paths.put("/api/v1/customer-messages", new JsonObject().put("post", op("receiveCustomerMessage", "Conversation")));
                paths.put("/api/v1/conversations", new JsonObject().put("get", op("listConversations", "Conversation")));
                paths.put("/api/v1/conversations/{conversationId}/messages", new JsonObject().put("post", op("reply", "Conversation")));
                paths.put("/api/v1/messaging/response-times", new JsonObject().put("get", op("responseTimes", "ResponseTimes")));
                schemas.put("Conversation", new JsonObject().put("type", "object"));
                schemas.put("ResponseTimes", new JsonObject().put("type", "object"));
            }
            case NOTIFICATION -> {
                paths.put("/api/v1/notification-subscriptions", new JsonObject().put("get", op("listSubscriptions", "Subscription"))
                        .put("post", op("subscribe", "Subscription")));
                schemas.put("Subscription", new JsonObject().put("type", "object"));
            }
            case SUPPORT -> {
                paths.put("/api/v1/tickets", new JsonObject().put("get", op("listTickets", "Ticket")).put("post", op("openTicket", "Ticket")));
                paths.put("/api/v1/tickets/{ticketId}/comments", new JsonObject().put("post", op("comment", "Ticket")));
                schemas.put("Ticket", new JsonObject().put("type", "object"));
            }
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", d.serviceName()).put("version", "1.0.0"))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put("SecurityScheme",
                                new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))));
    }

    private static JsonObject op(String operationId, String schema) {
        JsonObject ref = new JsonObject().put("$ref", "#/components/schemas/" + schema);
        JsonObject problemRef = new JsonObject().put("$ref", "#/components/schemas/Problem");
        return new JsonObject()
                .put("operationId", operationId)
                .put("tags", new io.vertx.core.json.JsonArray().add(operationId.startsWith("list") ? "Lists" : "Operations"))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "OK")
                                .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", ref))))
                        .put("400", new JsonObject().put("description", "Bad request")
                                .put("content", new JsonObject().put("application/problem+json", new JsonObject().put("schema", problemRef)))));
    }
}
