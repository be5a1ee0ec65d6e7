package com.kingstonexpress.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dispatchment center's system: it pushes realistic signed events for Kingston-dispatched orders
 * through the public webhook, so statuses update on their own as they would in production.
 *
 * <p>As a command against any running stack:
 * {@code deploy/local/simulate-center [--gateway URL] [--center ID] [--secret S] [--every 15s] ORDER_ID...}
 * walks each order one step per tick: picked, packed, handed to the carrier, in transit, out for
 * delivery, delivered.
 */
public final class CenterSimulator {

    /** The journey of a parcel, in the order a center reports it. */
    public static final List<String> JOURNEY = List.of("PICKED", "PACKED", "HANDED_TO_CARRIER", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");

    public static final String DEMO_CENTER = "center-london-1";
    public static final String DEMO_CENTER_SECRET = "dev-center-secret";
    public static final String DEMO_CARRIER = "royal-parcel";

    private final ApiClient api;
    private final String centerId;
    private final String secret;

    public CenterSimulator(String gatewayUrl, String centerId, String secret) {
        this.api = new ApiClient(gatewayUrl);
        this.centerId = centerId;
        this.secret = secret;
    }

    /** Sends one signed event for the order; returns the gateway's answer body as text. */
    public String report(String orderId, String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("orderId", orderId);
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("carrier", DEMO_CARRIER);
        event.put("trackingNumber", trackingNumber(orderId));
        event.put("location", type.equals("DELIVERED") || type.equals("OUT_FOR_DELIVERY") ? "customer area" : "London dispatchment center");
        if (type.equals("DELIVERED")) {
            event.put("proof", "signature:" + orderId.substring(0, 8));
        }
        ApiClient.Reply reply = api.postSigned("/api/v1/fulfillment-centers/" + centerId + "/events", secret, Map.of("events", List.of(event)))
                .requireSuccess("center event " + type + " for " + orderId);
        return reply.body().toString();
    }

    /** Reports the journey's steps up to and including {@code lastStep}. */
    public void walk(String orderId, String lastStep) {
        for (String step : JOURNEY) {
            report(orderId, step);
            if (step.equals(lastStep)) {
                return;
            }
        }
    }

    /** The tracking number the demo carrier assigns to an order: stable, so repeated runs agree. */
    public static String trackingNumber(String orderId) {
        return "RP" + orderId.replace("-", "").substring(0, 12).toUpperCase();
    }

    /** Walks each order one step per tick until all are delivered. */
    public void run(List<String> orderIds, Duration every) throws InterruptedException {
        Map<String, Integer> next = new LinkedHashMap<>();
        orderIds.forEach(id -> next.put(id, 0));
        while (!next.isEmpty()) {
            for (String id : new ArrayList<>(next.keySet())) {
                int step = next.get(id);
                String type = JOURNEY.get(step);
                System.out.println("center-sim | " + id + " -> " + type + " " + report(id, type));
                if (step + 1 == JOURNEY.size()) {
                    next.remove(id);
                } else {
                    next.put(id, step + 1);
                }
            }
            if (!next.isEmpty()) {
                Thread.sleep(every.toMillis());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String gateway = "http://127.0.0.1:8080";
        String center = DEMO_CENTER;
        String secret = DEMO_CENTER_SECRET;
        Duration every = Duration.ofSeconds(15);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--center" -> center = args[++i];
                case "--secret" -> secret = args[++i];
                case "--every" -> every = Duration.parse("PT" + args[++i].toUpperCase());
                case "--help", "-h" -> {
                    System.out.println("usage: simulate-center [--gateway URL] [--center ID] [--secret S] [--every 15s] ORDER_ID...");
                    return;
                }
                default -> orders.add(args[i]);
            }
        }
        if (orders.isEmpty()) {
            System.err.println("name at least one Kingston-dispatched order id assigned to " + center);
            System.exit(2);
        }
        new CenterSimulator(gateway, center, secret).run(orders, every);
    }
}
