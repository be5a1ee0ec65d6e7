package com.kingstonexpress.notification.feed;

import static com.kingstonexpress.notification.Api.asSeller;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.notification.Events;
import com.kingstonexpress.notification.SseClient;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationStreamTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Test
    void theStreamResumesAfterAReconnectWithoutGapsAndShowsOnlyTheSellersOwnEvents() throws Exception {
        String seller = Events.newSeller();
        String stranger = Events.newSeller();
        String token = DevTokens.seller(seller);
        List<String> expected = new ArrayList<>();
        String lastSeen;
        try (SseClient first = new SseClient(stream, token, null)) {
            assertEquals(200, first.status());
            assertTrue(first.contentType().startsWith("text/event-stream"), first.contentType());
            expected.add(Events.sendCustomerMessage(seller));
            Events.sendCustomerMessage(stranger);
            expected.add(Events.sendAttentionRaised(seller));
            await().atMost(EVENTUALLY).until(() -> first.events().size() == 2);
            // Two topics: the service's order of consumption decides the stream's order.
            assertEquals(new HashSet<>(expected), new HashSet<>(eventIds(first.events())));
            lastSeen = first.events().get(1).id();
        }
        // While the app is away: more happens, for this seller, another one, and everyone (an incident).
        expected.add(Events.sendCustomerMessage(seller));
        Events.sendAttentionRaised(stranger);
        expected.add(Events.sendIncident());
        expected.add(Events.sendAttentionRaised(seller));
        try (SseClient again = new SseClient(stream, token, lastSeen)) {
            await().atMost(EVENTUALLY).until(() -> again.events().size() >= 3);
            // Order across topics is the order the service consumed them in, not the order they were sent in.
            List<String> resumed = eventIds(again.events());
            assertEquals(3, resumed.size(), resumed.toString());
            assertEquals(new HashSet<>(expected.subList(2, 5)), new HashSet<>(resumed));
            long previous = Long.parseLong(lastSeen);
            for (SseClient.Event e : again.events()) {
                long id = Long.parseLong(e.id());
                assertTrue(id > previous, "ids increase: " + again.events());
                previous = id;
            }
            // Live again: the next one comes through the same connection.
            String next = Events.sendCustomerMessage(seller);
            await().atMost(EVENTUALLY).until(() -> again.events().size() == 4);
            assertEquals(next, eventIds(again.events()).get(3));
        }
    }

    @Test
    void aBadLastEventIdIsAProblem() {
        String seller = Events.newSeller();
        asSeller(seller).header("Last-Event-ID", "yesterday").get("/api/v1/notifications/stream").then().statusCode(400)
                .contentType("application/problem+json");
        asSeller(seller).header("Last-Event-ID", "-5").get("/api/v1/notifications/stream").then().statusCode(400);
    }

    private static List<String> eventIds(List<SseClient.Event> events) {
        return events.stream().map(e -> {
            try {
                return JSON.readTree(e.data()).get("eventId").asText();
            } catch (Exception ex) {
                throw new AssertionError("not JSON: " + e.data(), ex);
            }
        }).toList();
    }
}
