package com.kingstonexpress.notification.benchmark;

import static com.kingstonexpress.notification.Api.subscribe;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.notification.Events;
import com.kingstonexpress.notification.Receiver;
import com.kingstonexpress.platform.testing.SharedInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * On demand only (README, Benchmark): {@code -Dkx.benchmark=true}. Sends {@code message.received} events
 * for many sellers onto the real topic as fast as a producer can, each seller with its own endpoint on a
 * local receiver, and measures deliveries per second and the lag from event time to arrival (p50, p99,
 * max). Twice in one run: every endpoint answering at once (the baseline), then the same load with one
 * seller's endpoint slowed down. Prints figures; asserts nothing about them. Runs with the production
 * delivery timeout (10 s) and a long retry window, so a loaded machine delays deliveries rather than
 * parking them.
 */
@QuarkusTest
@TestProfile(DeliveryBenchmark.ProductionDelivery.class)
@EnabledIfSystemProperty(named = "kx.benchmark", matches = "true")
class DeliveryBenchmark {

    /** The production timeout and a long retry window: a busy machine must not park deliveries mid-measurement. */
    public static class ProductionDelivery implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kx.notifications.delivery.timeout", "PT10S", "kx.notifications.retry.initial", "PT1S",
                    "kx.notifications.retry.max", "PT30S", "kx.notifications.retry.give-up-after", "PT1H");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SELLERS = Integer.getInteger("kx.benchmark.sellers", 20);
    private static final int EVENTS_PER_SELLER = Integer.getInteger("kx.benchmark.events-per-seller", 100);
    private static final Duration SLOW = Duration.ofMillis(Long.getLong("kx.benchmark.slow-millis", 500));

    @Test
    void deliveriesPerSecondAndLagWithOneEndpointSlowedDown() throws Exception {
        run("warm-up (not reported)", 5, 20, false);
        List<String> report = new ArrayList<>();
        report.add(run("all endpoints fast", SELLERS, EVENTS_PER_SELLER, false));
        report.add(run("one endpoint slowed to " + SLOW.toMillis() + " ms", SELLERS, EVENTS_PER_SELLER, true));
        System.out.println("\n=== notification delivery benchmark (" + SELLERS + " sellers x " + EVENTS_PER_SELLER + " events, "
                + Runtime.getRuntime().availableProcessors() + " cores) ===");
        report.forEach(System.out::println);
    }

    private String run(String label, int sellers, int eventsPerSeller, boolean slowOne) throws Exception {
        try (Receiver receiver = new Receiver(); KafkaProducer<String, String> producer = producer()) {
            List<String> sellerIds = new ArrayList<>();
            for (int s = 0; s < sellers; s++) {
                String sellerId = Events.newSeller();
                sellerIds.add(sellerId);
                if (slowOne && s == 0) {
                    receiver.answerSlowly(sellerId, SLOW);
                }
                subscribe(sellerId, receiver.url(sellerId), "message.received");
            }
            Instant start = Instant.now();
            for (int i = 0; i < eventsPerSeller; i++) {
                for (String sellerId : sellerIds) {
                    String eventId = UUID.randomUUID().toString();
                    String orderId = "order-" + UUID.randomUUID();
                    producer.send(new ProducerRecord<>(Events.MESSAGING, orderId, Events.customerMessage(eventId, orderId, sellerId)));
                }
            }
            producer.flush();
            Duration sending = Duration.between(start, Instant.now());
            List<String> fast = slowOne ? sellerIds.subList(1, sellerIds.size()) : sellerIds;
            int expectedFast = fast.size() * eventsPerSeller;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> fast.stream().mapToInt(s -> receiver.requests(s).size()).sum() >= expectedFast);
            Instant lastFast = Instant.EPOCH;
            List<Long> lags = new ArrayList<>();
            for (String s : fast) {
                for (Receiver.Request r : receiver.requests(s)) {
                    Instant occurred = Instant.parse(JSON.readTree(r.body()).get("occurredAt").asText());
                    lags.add(Duration.between(occurred, r.receivedAt()).toMillis());
                    lastFast = lastFast.isAfter(r.receivedAt()) ? lastFast : r.receivedAt();
                }
            }
            Collections.sort(lags);
            double seconds = Duration.between(start, lastFast).toMillis() / 1000.0;
            String slowPart = "";
            if (slowOne) {
                int slowDelivered = receiver.requests(sellerIds.get(0)).size();
                slowPart = String.format("; slowed endpoint meanwhile got %d of %d", slowDelivered, eventsPerSeller);
            }
            return String.format("%-34s %6d deliveries to the other endpoints in %5.1f s = %6.0f/s; lag event->delivery p50 %5d ms, "
                    + "p99 %5d ms, max %5d ms (events sent in %.1f s)%s", label, lags.size(), seconds, lags.size() / seconds,
                    percentile(lags, 50), percentile(lags, 99), lags.get(lags.size() - 1), sending.toMillis() / 1000.0, slowPart);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
