package com.kingstonexpress.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.platform.infra.DevTokens;

/**
 * Seeds the demo seller with orders of both types across every status, a customer message waiting for a
 * reply and a support ticket, all through the public API at the gateway (so the demo exercises the same
 * paths as production). Runs once: a stack that already has demo orders is left as it is.
 */
public final class DemoData {

    public static final String SELLER = "demo-seller";

    private final ApiClient api;
    private final CenterSimulator center;
    private final String storefront = DevTokens.storefront();
    private final String seller = DevTokens.seller(SELLER);
    private final List<String> liveOrders = new ArrayList<>();
    private int customer;

    public DemoData(String gatewayUrl) {
        this.api = new ApiClient(gatewayUrl);
        this.center = new CenterSimulator(gatewayUrl, CenterSimulator.DEMO_CENTER, CenterSimulator.DEMO_CENTER_SECRET);
    }

    /** @return true if it seeded, false if demo data was already there */
    public boolean seedOnce() {
        JsonNode existing = api.get("/api/v1/orders?limit=1", seller).requireSuccess("listing demo orders").body();
        if (existing.path("items").size() > 0) {
            return false;
        }
        // Kingston-dispatched: the center drives them (the seller only watches).
        kingstonDispatched("STANDARD", "GB", "London");
        walkWhenKnown(kingstonDispatched("STANDARD", "GB", "Manchester"), "PACKED");
        walkWhenKnown(kingstonDispatched("EXPRESS", "GB", "Leeds"), "HANDED_TO_CARRIER");
        walkWhenKnown(kingstonDispatched("STANDARD", "GB", "Bristol"), "IN_TRANSIT");
        walkWhenKnown(kingstonDispatched("EXPRESS", "GB", "Oxford"), "DELIVERED");
        String customs = kingstonDispatched("INTERNATIONAL", "FR", "Paris");
        walkWhenKnown(customs, "IN_TRANSIT");
        center.report(customs, "CUSTOMS_HOLD");
        liveOrders.add(kingstonDispatched("STANDARD", "GB", "Cambridge"));
        liveOrders.add(kingstonDispatched("EXPRESS", "GB", "York"));

        // Seller-managed: the seller moves each one forward only when the step is really done.
        sellerManaged("STANDARD", "Brighton");
        String processing = sellerManaged("EXPRESS", "Bath");
        act(processing, "start-processing", Map.of());
        String shipped = sellerManaged("STANDARD", "Exeter");
        act(shipped, "start-processing", Map.of());
        act(shipped, "confirm-address", Map.of());
        act(shipped, "mark-shipped", Map.of("carrier", CenterSimulator.DEMO_CARRIER, "trackingNumber", CenterSimulator.trackingNumber(shipped)));
        String inTransit = sellerManaged("STANDARD", "Norwich");
        act(inTransit, "start-processing", Map.of());
        act(inTransit, "confirm-address", Map.of());
        act(inTransit, "mark-shipped", Map.of("carrier", CenterSimulator.DEMO_CARRIER, "trackingNumber", CenterSimulator.trackingNumber(inTransit)));
        act(inTransit, "mark-in-transit", Map.of());
        String delivered = sellerManaged("LOCAL_DELIVERY", "Cardiff");
        act(delivered, "start-processing", Map.of());
        act(delivered, "confirm-address", Map.of());
        act(delivered, "mark-shipped", Map.of());
        api.post("/api/v1/orders/" + delivered + "/customer-confirmations", storefront,
                Map.of("customerId", "demo-customer-" + customer)).requireSuccess("customer confirmation");
        act(delivered, "mark-delivered", Map.of());
        String cancelled = sellerManaged("STANDARD", "Glasgow");
        act(cancelled, "cancel", Map.of("reason", "Customer asked to cancel before processing"));

        // A customer waiting for an answer, and a question for support.
        awaitSuccess("customer message", () -> api.post("/api/v1/customer-messages", storefront, Map.of("messageId", "demo-message-1",
                "orderId", processing, "customerId", customerOf(processing), "body", "Hello, when will my order be shipped?")));
        awaitSuccess("support ticket", () -> api.post("/api/v1/tickets", seller, Map.of("orderId", customs,
                "category", "DISPATCHMENT_ISSUE", "description", "The parcel has been held at customs for a while."), "demo-ticket-1"));
        return true;
    }

    /** Kingston-dispatched orders the center simulator keeps walking while the stack runs. */
    public List<String> liveOrders() {
        return liveOrders;
    }

    private String kingstonDispatched(String method, String country, String city) {
        return create("KINGSTON_DISPATCHED", method, country, city);
    }

    private String sellerManaged(String method, String city) {
        return create("SELLER_MANAGED", method, "GB", city);
    }

    private final Map<String, String> customers = new LinkedHashMap<>();

    private String create(String type, String method, String country, String city) {
        customer++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sellerId", SELLER);
        body.put("customerId", "demo-customer-" + customer);
        body.put("customerName", "Demo Customer " + customer);
        body.put("type", type);
        if (type.equals("KINGSTON_DISPATCHED")) {
            body.put("fulfillmentCenterId", CenterSimulator.DEMO_CENTER);
        }
        body.put("lines", List.of(Map.of("sku", "KX-MUG-" + customer, "title", "Kingston mug no. " + customer, "quantity", 1 + customer % 3,
                "unitPrice", Map.of("amount", "12.50", "currency", "GBP"))));
        body.put("deliveryAddress", Map.of("name", "Demo Customer " + customer, "line1", customer + " High Street", "city", city,
                "region", country.equals("GB") ? "England" : "Ile-de-France", "postalCode", "AB1 " + customer + "CD", "country", country,
                "phone", "+44 20 7946 0" + String.format("%03d", customer)));
        body.put("shippingMethod", method);
        body.put("notes", customer % 2 == 0 ? "Please leave with the neighbour if out." : "");
        JsonNode order = api.post("/api/v1/orders", storefront, body, "demo-order-" + customer).requireSuccess("creating a demo order").body();
        String orderId = order.path("orderId").asText();
        customers.put(orderId, "demo-customer-" + customer);
        return orderId;
    }

    private String customerOf(String orderId) {
        return customers.get(orderId);
    }

    private void act(String orderId, String action, Map<String, Object> body) {
        api.post("/api/v1/orders/" + orderId + "/actions/" + action, seller, body).requireSuccess(action + " on " + orderId);
    }

    /** The fulfillment service learns of a new order from its event: wait until it accepts the order's events. */
    private void walkWhenKnown(String orderId, String lastStep) {
        awaitSuccess("first center event for " + orderId, () -> {
            ApiClient.Reply r = api.postSigned("/api/v1/fulfillment-centers/" + CenterSimulator.DEMO_CENTER + "/events",
                    CenterSimulator.DEMO_CENTER_SECRET, Map.of("events", List.of(Map.of("eventId", "demo-picked-" + orderId,
                            "orderId", orderId, "type", "PICKED", "occurredAt", Instant.now().toString(), "location", "London dispatchment center"))));
            return r.body().path("accepted").asInt() + r.body().path("duplicates").asInt() == 1 ? r : new ApiClient.Reply(503, r.body());
        });
        if (!lastStep.equals("PICKED")) {
            for (String step : CenterSimulator.JOURNEY.subList(1, CenterSimulator.JOURNEY.size())) {
                center.report(orderId, step);
                if (step.equals(lastStep)) {
                    return;
                }
            }
        }
    }

    private static void awaitSuccess(String what, java.util.function.Supplier<ApiClient.Reply> call) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        ApiClient.Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (last.status() / 100 == 2) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(what + " did not succeed within 60 s; last answer " + (last == null ? "none" : last.status() + " " + last.body()));
    }
}
