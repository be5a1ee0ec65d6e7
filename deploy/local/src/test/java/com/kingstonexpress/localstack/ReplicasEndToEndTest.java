package com.kingstonexpress.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.Metrics;

/**
 * Two instances of order-service and of fulfillment-service share the work ({@code deploy/local/run --replicas
 * order=2,fulfillment=2}): the gateway balances over both, both are members of their Kafka consumer groups, both
 * run the outbox relay and the scheduled jobs, one at a time. Eight concurrent writers place orders through the
 * gateway (with Idempotency-Keys), drive Kingston-dispatched orders by signed center and carrier events and take
 * seller steps; mid-load the first instance of each service is killed (SIGKILL). Then the survivors hold every
 * partition of the groups, publish the outbox and run the stale-status job; afterwards nothing acknowledged is lost
 * or applied twice (the reconciliation, as in the fault test), and every outbox row written after the kill is on its
 * topic exactly once (a row the killed relay had in flight may be published again; consumers skip it by event id).
 *
 * <p>It adds the replicas to the stack of this test JVM and leaves the first instances dead, so it runs just before
 * the fault test, which only needs the gateway to route around them.
 */
@Order(Integer.MAX_VALUE - 1)
class ReplicasEndToEndTest {

    private static final int WRITERS = 8;
    private static final Duration WRITING = Duration.ofSeconds(30);
    /** Consumer groups with one member in each of the replicated services. */
    private static final List<String> GROUPS = List.of("fulfillment-service.orders", "order-service.fulfillment-status");
    private static final String STALE_STATUS = "order-service.stale-status";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void survivorsTakeOverPartitionsRelayAndJobsWhenOneReplicaOfEachIsKilledMidLoad() throws Exception {
        LocalStack stack = RunningStack.get();
        stack.addReplicas(Map.of("order", 1, "fulfillment", 1));
        StackConfig.Service order = stack.instancesOf("order").get(0);
        StackConfig.Service order2 = stack.instancesOf("order").get(1);
        StackConfig.Service fulfillment2 = stack.instancesOf("fulfillment").get(1);
        StackAccess access = StackAccess.of(stack.config());
        Reconciliation reconciliation = new Reconciliation(access, Duration.ofSeconds(20));

        try {
            try (Admin admin = Admin.create(access.kafkaClient("kx-e2e-replicas"))) {
                Instant runStart = Instant.now();
                try (OrderTraffic traffic = new OrderTraffic(stack.config().gatewayUrl(), WRITERS, Duration.ofMillis(800)).start(Integer.MAX_VALUE)) {
                    OrderTraffic.Figures figures = traffic.figures();
                    PipelineUnderFaultsEndToEndTest.awaitMoreCreates(figures, 24);
                    // Both instances of each service are members of its consumer groups and share the partitions.
                    Map<String, Integer> partitions = new HashMap<>();
                    for (String group : GROUPS) {
                        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                                .until(() -> assignment(admin, group).size() == 2 && !assignment(admin, group).containsValue(0));
                        Map<String, Integer> shared = assignment(admin, group);
                        System.out.println("replicas| " + group + " partitions per member: " + shared);
                        partitions.put(group, shared.values().stream().mapToInt(Integer::intValue).sum());
                    }

                    // The gateway shares the creates between the instances; both relays and both job schedulers take turns.
                    for (StackConfig.Service s : List.of(order, order2)) {
                        double creates = metric(s, "http_server_requests_seconds_count", "method", "POST");
                        System.out.printf("replicas| %s: %.0f POSTs, %.0f outbox rows published, stale-status ran %.0f, skipped %.0f%n", s.name(),
                                creates, metric(s, "kx_outbox_published_total"), metric(s, "kx_exclusive_runs_total", "lock", STALE_STATUS, "outcome", "ran"),
                                metric(s, "kx_exclusive_runs_total", "lock", STALE_STATUS, "outcome", "skipped"));
                        assertTrue(creates > 0, s.name() + " was given requests by the gateway");
                    }

                    double order2Published = metric(order2, "kx_outbox_published_total");
                    double fulfillment2Published = metric(fulfillment2, "kx_outbox_published_total");
                    double order2StaleRuns = metric(order2, "kx_exclusive_runs_total", "lock", STALE_STATUS, "outcome", "ran");
                    stack.kill("order");
                    stack.kill("fulfillment");
                    // Taken once both are dead: a row the killed instance committed and sent, but was killed before
                    // marking sent, is published again by the survivor (at least once, by design). Every row written
                    // from here on is the survivors' alone, and must be on its topic exactly once.
                    Instant killedAt = Instant.now();
                    System.out.println("replicas| killed order and fulfillment (SIGKILL) after " + figures);

                    // Creates keep being acknowledged: the gateway skips the dead instance (connection refused).
                    PipelineUnderFaultsEndToEndTest.awaitMoreCreates(figures, 32);
                    // Once the dead members' sessions expire, the survivor holds every partition of its groups.
                    for (String group : GROUPS) {
                        int all = partitions.get(group);
                        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                                .until(() -> assignment(admin, group).size() == 1 && assignment(admin, group).containsValue(all));
                        System.out.println("replicas| " + group + " after the kill: " + assignment(admin, group));
                    }
                    // The survivors' relays publish, and the stale-status job runs on the surviving order instance.
                    await().atMost(Duration.ofSeconds(60)).until(() -> metric(order2, "kx_outbox_published_total") > order2Published
                            && metric(fulfillment2, "kx_outbox_published_total") > fulfillment2Published);
                    await().atMost(Duration.ofSeconds(60)).until(() -> metric(order2, "kx_exclusive_runs_total", "lock", STALE_STATUS, "outcome", "ran")
                            > order2StaleRuns);

                    await().atMost(Duration.ofSeconds(120)).until(() -> Duration.between(runStart, Instant.now()).compareTo(WRITING) >= 0);
                    traffic.stop();
                    System.out.println("replicas| writers stopped after " + Duration.between(runStart, Instant.now()).toSeconds() + " s: " + figures);
                    System.out.printf("replicas| after the kill: order-2 published %.0f rows, fulfillment-2 %.0f; stale-status ran %.0f times on order-2%n",
                            metric(order2, "kx_outbox_published_total") - order2Published,
                            metric(fulfillment2, "kx_outbox_published_total") - fulfillment2Published,
                            metric(order2, "kx_exclusive_runs_total", "lock", STALE_STATUS, "outcome", "ran") - order2StaleRuns);

                    Set<String> acknowledged = traffic.acknowledged();
                    assertTrue(acknowledged.size() >= 60, "too few acknowledged creates to prove anything: " + figures);
                    assertTrue(figures.centerEvents.get() > 0 && figures.carrierEvents.get() > 0 && figures.sellerActions.get() > 0,
                            "every kind of writer made progress: " + figures);
                    assertEquals(0, figures.resendsRefused.get(), "a webhook delivery resent as it was got a 4xx: " + figures);

                    PipelineUnderFaultsEndToEndTest.assertReconciled(access, reconciliation, runStart, acknowledged);
                    for (String service : List.of("order", "fulfillment")) {
                        assertEquals(Map.of(), copiesOtherThanOne(access, service, killedAt),
                                service + "'s outbox rows written after the kill are each on their topic exactly once");
                    }
                }
            }
        } finally {
            // The fault test after this one shares the stack and expects its first instances: bring them back.
            stack.restartAfterCrash("order");
            stack.restartAfterCrash("fulfillment");
        }
    }

    /** Partitions assigned per member of the consumer group (members without an assignment yet count 0). */
    private static Map<String, Integer> assignment(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(20, TimeUnit.SECONDS).get(group);
        Map<String, Integer> members = new TreeMap<>();
        for (MemberDescription m : description.members()) {
            members.put(m.consumerId(), m.assignment().topicPartitions().size());
        }
        return members;
    }

    /** The sum of a meter's series on one instance's management port (0 when absent, or the instance is gone). */
    private static double metric(StackConfig.Service instance, String name, String... labels) throws Exception {
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), instance.name() + " /q/metrics");
        return Metrics.valueIn(scrape.body(), name, labels);
    }

    /**
     * The service's outbox rows created after {@code since} that are not on their topic exactly once, with their
     * number of copies (by event id); printed with the re-publishes of earlier rows, which a killed relay may cause.
     */
    private static Map<String, Integer> copiesOtherThanOne(StackAccess access, String service, Instant since) throws Exception {
        Map<String, List<String>> after = new HashMap<>();
        Map<String, List<String>> before = new HashMap<>();
        try (Connection c = access.connect(access.database(service));
                PreparedStatement s = c.prepareStatement("SELECT event_id::text, topic, created_at FROM kx_outbox WHERE sent_at IS NOT NULL")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp created = rs.getTimestamp(3);
                    (created.toInstant().isAfter(since) ? after : before).computeIfAbsent(rs.getString(2), t -> new ArrayList<>()).add(rs.getString(1));
                }
            }
        }
        Map<String, Integer> wrong = new TreeMap<>();
        int republishedBefore = 0;
        int checked = 0;
        try (EventLog kafka = new EventLog(access)) {
            Set<String> topics = new java.util.HashSet<>(after.keySet());
            topics.addAll(before.keySet());
            for (String topic : topics) {
                Map<String, Integer> copies = new HashMap<>();
                kafka.forEach(topic, e -> {
                    if (e.eventId() != null) {
                        copies.merge(e.eventId(), 1, Integer::sum);
                    }
                });
                for (String id : after.getOrDefault(topic, List.of())) {
                    checked++;
                    int n = copies.getOrDefault(id, 0);
                    if (n != 1) {
                        wrong.put(topic + " " + id, n);
                    }
                }
                for (String id : before.getOrDefault(topic, List.of())) {
                    republishedBefore += copies.getOrDefault(id, 0) > 1 ? 1 : 0;
                }
            }
        }
        System.out.printf("replicas| %s outbox: %d rows written after the kill checked (%d not exactly once); %d earlier rows on Kafka more than once%n",
                service, checked, wrong.size(), republishedBefore);
        return wrong;
    }
}
