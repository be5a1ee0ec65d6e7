package com.kingstonexpress.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a running stack with itself, reading every service's database and Kafka directly
 * ({@code deploy/local/reconcile}; the fault tests call it too):
 * <ul>
 * <li>each producer's outbox with Kafka: every row marked sent is on its topic (by event id); rows unsent for
 * longer than a grace period are reported too;</li>
 * <li>each consumer's inbox with its topic: every event on the topic was applied by every consumer of it, or
 * dead-lettered by that consumer;</li>
 * <li>each order projection (fulfillment, messaging, support) with order-service's orders: the same orders,
 * types and statuses;</li>
 * <li>effects recorded once per applied event: order-service's status history has no source event twice,
 * fulfillment reported no center or carrier event twice, support's status timeline has exactly as many
 * entries per order as order-service's history, and notification-service's feed has every published order event.</li>
 * </ul>
 * A live stack is never still: differences caused by work in flight disappear when it settles, which is why
 * {@link #awaitClean} runs the comparison again until it is clean or the wait is over.
 */
public final class Reconciliation {

    /** What kind of difference: an event or effect that is missing, one applied twice, or a disagreement. */
    public enum Kind {
        LOST, DOUBLED, MISMATCH, UNSENT
    }

    /**
     * @param where the topic, consumer or projection concerned (figures are counted per {@code where})
     */
    public record Difference(Kind kind, String where, String detail) {
        @Override
        public String toString() {
            return String.format("%-8s %-40s %s", kind, where, detail);
        }
    }

    /** What one comparison found. */
    public record Report(Instant at, List<Difference> differences, List<String> figures, List<String> notes) {

        public boolean clean() {
            return differences.isEmpty();
        }

        /** Differences of one kind counted per topic, consumer or projection. */
        public Map<String, Long> count(Kind kind) {
            return differences.stream().filter(d -> d.kind() == kind)
                    .collect(Collectors.groupingBy(Difference::where, TreeMap::new, Collectors.counting()));
        }

        public void print(PrintStream out, int maxDetails) {
            out.println("reconcile| " + at);
            figures.forEach(f -> out.println("reconcile| " + f));
            notes.forEach(n -> out.println("reconcile| note: " + n));
            if (clean()) {
                out.println("reconcile| no differences");
                return;
            }
            out.println("reconcile| " + differences.size() + " difference(s):");
            for (Kind kind : Kind.values()) {
                count(kind).forEach((where, n) -> out.printf("reconcile|   %-8s %-40s %d%n", kind, where, n));
            }
            differences.stream().limit(maxDetails).forEach(d -> out.println("reconcile|   " + d));
            if (differences.size() > maxDetails) {
                out.println("reconcile|   ... and " + (differences.size() - maxDetails) + " more");
            }
        }

        /** A short summary, for assertion messages. */
        public String summary(int maxDetails) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            print(new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), maxDetails);
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final String STATUS_CHANGED = "com.kingstonexpress.order.status-changed.v1";
    private static final String STATUS_REPORTED = "com.kingstonexpress.fulfillment.status-reported.v1";

    private final StackAccess access;
    private final Duration unsentGrace;

    /**
     * @param unsentGrace how long an outbox row may stay unsent before it counts as a difference
     */
    public Reconciliation(StackAccess access, Duration unsentGrace) {
        this.access = access;
        this.unsentGrace = unsentGrace;
    }

    /** Compares once. */
    public Report run() {
        Instant now = Instant.now();
        List<Difference> differences = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (EventLog kafka = new EventLog(access)) {
            Set<String> topics = kafka.topics();
            Map<String, TopicIndex> indexes = new HashMap<>();
            Function<String, TopicIndex> index = topic -> indexes.computeIfAbsent(topic, t -> TopicIndex.of(kafka, topics, t));
            List<DeadLetters.DeadLetter> deadLetters = DeadLetters.readAll(kafka);

            compareOutboxes(index, now, differences, figures);
            compareInboxes(index, deadLetters, differences, figures, notes);
            compareProjections(differences, figures, notes);
            compareEffects(differences, figures, notes);
            if (!deadLetters.isEmpty()) {
                Map<String, Long> perTopic = deadLetters.stream()
                        .collect(Collectors.groupingBy(DeadLetters.DeadLetter::dlqTopic, TreeMap::new, Collectors.counting()));
                notes.add("dead letters (not applied, see deploy/local/dead-letters list): " + perTopic);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a service database on " + access.postgresHost() + ":" + access.postgresPort()
                    + ": " + e.getMessage(), e);
        }
        return new Report(now, differences, figures, notes);
    }

    /** Runs the comparison until it is clean or {@code atMost} has passed; returns the last report. */
    public Report awaitClean(Duration atMost, Duration between) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        Report report = run();
        while (!report.clean() && Instant.now().plus(between).isBefore(deadline)) {
            Thread.sleep(between.toMillis());
            report = run();
        }
        return report;
    }

    // ---------------------------------------------------------------- outbox -> Kafka

    private record OutboxRow(String eventId, String topic, String key, String type, Instant createdAt, Instant sentAt) {
    }

    private void compareOutboxes(Function<String, TopicIndex> index, Instant now, List<Difference> differences, List<String> figures)
            throws SQLException {
        for (String service : access.services()) {
            List<OutboxRow> rows = new ArrayList<>();
            try (Connection c = access.connect(access.database(service));
                    PreparedStatement s = c.prepareStatement(
                            "SELECT event_id::text, topic, record_key, event_type, created_at, sent_at FROM kx_outbox ORDER BY position")) {
                s.setFetchSize(5000);
                c.setAutoCommit(false);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            int sent = 0;
            int missing = 0;
            int unsent = 0;
            int republished = 0;
            for (OutboxRow row : rows) {
                if (row.sentAt() != null) {
                    sent++;
                    int copies = index.apply(row.topic()).copies(row.eventId());
                    if (copies == 0) {
                        missing++;
                        differences.add(new Difference(Kind.LOST, row.topic(), service + " outbox event " + row.eventId() + " (" + shortType(row.type())
                                + ", key " + row.key() + ") marked sent at " + row.sentAt() + " but not on the topic"));
                    } else if (copies > 1) {
                        republished++;
                    }
                } else if (row.createdAt().isBefore(now.minus(unsentGrace))) {
                    unsent++;
                    differences.add(new Difference(Kind.UNSENT, row.topic(), service + " outbox event " + row.eventId() + " (" + shortType(row.type())
                            + ", key " + row.key() + ") unsent since " + row.createdAt()));
                }
            }
            figures.add(String.format("outbox %-12s %7d rows, %7d sent, %5d sent but missing on Kafka, %5d unsent > %ds, %5d on Kafka more than once",
                    service, rows.size(), sent, missing, unsent, unsentGrace.toSeconds(), republished));
        }
    }

    // ---------------------------------------------------------------- Kafka -> inboxes

    private void compareInboxes(Function<String, TopicIndex> index, List<DeadLetters.DeadLetter> deadLetters, List<Difference> differences,
            List<String> figures, List<String> notes) throws SQLException {
        Map<String, Set<String>> deadLetteredBy = new HashMap<>();
        for (DeadLetters.DeadLetter d : deadLetters) {
            deadLetteredBy.computeIfAbsent(d.sourceCoordinates(), k -> new HashSet<>()).add(d.consumer().orElse("?"));
        }
        Map<String, Set<String>> inboxes = new HashMap<>();
        for (String service : access.services()) {
            try (Connection c = access.connect(access.database(service));
                    PreparedStatement s = c.prepareStatement("SELECT consumer, event_id FROM kx_inbox")) {
                s.setFetchSize(5000);
                c.setAutoCommit(false);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inboxes.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
        }
        for (String consumer : inboxes.keySet()) {
            if (EventConsumers.named(consumer).isEmpty()) {
                notes.add("inbox consumer " + consumer + " is not in EventConsumers: not compared with its topic");
            }
        }
        for (EventConsumers.EventConsumer consumer : EventConsumers.ALL) {
            if (access.database(consumer.service()) == null) {
                continue;
            }
            Set<String> applied = inboxes.getOrDefault(consumer.name(), Set.of());
            TopicIndex topic = index.apply(consumer.topic());
            int missing = 0;
            int dead = 0;
            for (TopicIndex.Position p : topic.positions()) {
                if (p.eventId() != null && applied.contains(p.eventId())) {
                    continue;
                }
                Set<String> by = deadLetteredBy.getOrDefault(p.coordinates(), Set.of());
                if (by.contains(consumer.name()) || by.contains("?")) {
                    dead++;
                    continue;
                }
                if (p.eventId() != null && topic.appliedElsewhere(p, applied)) {
                    continue; // the same event at another offset (a re-publish) was applied
                }
                missing++;
                differences.add(new Difference(Kind.LOST, consumer.name(), "has not applied " + (p.eventId() == null ? "the unreadable record"
                        : "event " + p.eventId()) + " at " + p.coordinates() + " and did not dead-letter it"));
            }
            figures.add(String.format("inbox  %-34s %7d events on %s, %5d not applied, %4d dead-lettered", consumer.name(),
                    topic.distinctEvents(), consumer.topic(), missing, dead));
        }
    }

    /** The event ids on one topic: how often each occurs, and where. */
    private static final class TopicIndex {
        record Position(String coordinates, String eventId) {
        }

        private final Map<String, Integer> copies = new HashMap<>();
        private final List<Position> positions = new ArrayList<>();

        static TopicIndex of(EventLog kafka, Set<String> existing, String topic) {
            TopicIndex index = new TopicIndex();
            if (existing.contains(topic)) {
                kafka.forEach(topic, e -> {
                    String id = e.eventId();
                    index.positions.add(new Position(e.coordinates(), id));
                    if (id != null) {
                        index.copies.merge(id, 1, Integer::sum);
                    }
                });
            }
            return index;
        }

        int copies(String eventId) {
            return copies.getOrDefault(eventId, 0);
        }

        int distinctEvents() {
            return copies.size();
        }

        List<Position> positions() {
            return positions;
        }

        boolean appliedElsewhere(Position p, Set<String> applied) {
            return applied.contains(p.eventId());
        }
    }

    // ---------------------------------------------------------------- projections

    private record OrderFacts(String type, String status, Boolean placed) {
    }

    private void compareProjections(List<Difference> differences, List<String> figures, List<String> notes) throws SQLException {
        if (access.database("order") == null) {
            notes.add("no order-service database: projections not compared");
            return;
        }
        // The benchmark's seed is written straight into order-service's tables, with no events (BenchmarkSeed): no
        // other service is meant to know those orders, so they are not compared.
        Map<String, OrderFacts> orders = orders("order", "SELECT order_id, order_type, status, true FROM orders WHERE seller_id NOT LIKE '"
                + BenchmarkSeed.SELLER_PREFIX + "%'");
        figures.add(String.format("orders %-12s %7d orders (benchmark seed left out)", "order", orders.size()));
        compareProjection("fulfillment", "SELECT order_id, order_type, NULL, true FROM order_projection", orders, false, differences, figures);
        compareProjection("messaging", "SELECT order_id, order_type, status, true FROM order_projection", orders, true, differences, figures);
        compareProjection("support", "SELECT order_id, order_type, status, placed FROM order_projection", orders, true, differences, figures);
    }

    private void compareProjection(String service, String sql, Map<String, OrderFacts> orders, boolean hasStatus, List<Difference> differences,
            List<String> figures) throws SQLException {
        if (access.database(service) == null) {
            return;
        }
        String where = service + ".order_projection";
        Map<String, OrderFacts> projected = orders(service, sql);
        int missing = 0;
        int wrong = 0;
        int unknown = 0;
        for (Map.Entry<String, OrderFacts> o : orders.entrySet()) {
            OrderFacts p = projected.get(o.getKey());
            if (p == null) {
                missing++;
                differences.add(new Difference(Kind.LOST, where, "order " + o.getKey() + " (" + o.getValue().status() + ") missing"));
                continue;
            }
            List<String> disagreements = new ArrayList<>();
            if (!Objects.equals(p.type(), o.getValue().type())) {
                disagreements.add("type " + p.type() + " (order-service: " + o.getValue().type() + ")");
            }
            if (hasStatus && !Objects.equals(p.status(), o.getValue().status())) {
                disagreements.add("status " + p.status() + " (order-service: " + o.getValue().status() + ")");
            }
            if (Boolean.FALSE.equals(p.placed())) {
                disagreements.add("order.placed never applied");
            }
            if (!disagreements.isEmpty()) {
                wrong++;
                differences.add(new Difference(Kind.MISMATCH, where, "order " + o.getKey() + ": " + String.join(", ", disagreements)));
            }
        }
        for (String id : projected.keySet()) {
            if (!orders.containsKey(id)) {
                unknown++;
                differences.add(new Difference(Kind.MISMATCH, where, "order " + id + " unknown to order-service"));
            }
        }
        figures.add(String.format("orders %-12s %7d projected, %5d missing, %5d disagreeing, %4d unknown to order-service", service,
                projected.size(), missing, wrong, unknown));
    }

    /**
     * For each of order-service's orders and the three order projections, the given order ids it does not hold
     * (an empty map when every one of them is everywhere): a client's acknowledged creates, checked end to end.
     */
    public Map<String, Set<String>> absent(java.util.Collection<String> orderIds) {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("order", "orders");
        tables.put("fulfillment", "order_projection");
        tables.put("messaging", "order_projection");
        tables.put("support", "order_projection");
        Map<String, Set<String>> absent = new TreeMap<>();
        try {
            for (Map.Entry<String, String> t : tables.entrySet()) {
                if (access.database(t.getKey()) == null) {
                    continue;
                }
                Set<String> present = orders(t.getKey(), "SELECT order_id, NULL, NULL, NULL FROM " + t.getValue()).keySet();
                Set<String> missing = new java.util.TreeSet<>(orderIds);
                missing.removeAll(present);
                if (!missing.isEmpty()) {
                    absent.put(t.getKey() + "." + t.getValue(), missing);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the orders: " + e.getMessage(), e);
        }
        return absent;
    }

    private Map<String, OrderFacts> orders(String service, String sql) throws SQLException {
        Map<String, OrderFacts> facts = new HashMap<>();
        try (Connection c = access.connect(access.database(service)); PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(5000);
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    facts.put(rs.getString(1), new OrderFacts(rs.getString(2), rs.getString(3), rs.getObject(4) == null ? null : rs.getBoolean(4)));
                }
            }
        }
        return facts;
    }

    // ---------------------------------------------------------------- effects applied once

    private void compareEffects(List<Difference> differences, List<String> figures, List<String> notes) throws SQLException {
        if (access.database("order") != null) {
            Map<String, Long> twice = counts("order", """
                    SELECT order_id || ' source event ' || source_event_id, count(*) FROM order_status_history
                    WHERE source_event_id IS NOT NULL GROUP BY order_id, source_event_id HAVING count(*) > 1""");
            twice.forEach((what, n) -> differences.add(new Difference(Kind.DOUBLED, "order.order_status_history",
                    "order " + what + " changed the status " + n + " times")));
            figures.add(String.format("effects order.order_status_history: %d source events applied more than once", twice.size()));
        }
        if (access.database("fulfillment") != null) {
            Map<String, Long> twice = counts("fulfillment", """
                    SELECT (payload::jsonb -> 'data' ->> 'sourceId') || ' event ' || (payload::jsonb -> 'data' ->> 'sourceEventId'), count(*)
                    FROM kx_outbox WHERE event_type = '%s'
                    GROUP BY 1 HAVING count(*) > 1""".formatted(STATUS_REPORTED));
            twice.forEach((what, n) -> differences.add(new Difference(Kind.DOUBLED, "fulfillment.status-reported",
                    what + " reported " + n + " times")));
            figures.add(String.format("effects fulfillment.status-reported: %d center or carrier events reported more than once", twice.size()));
        }
        if (access.database("order") != null && access.database("support") != null) {
            Map<String, Long> history = counts("order", "SELECT order_id, count(*) FROM order_status_history GROUP BY order_id");
            Map<String, Long> events = counts("order", "SELECT record_key, count(*) FROM kx_outbox WHERE event_type = '" + STATUS_CHANGED
                    + "' GROUP BY record_key");
            Map<String, Long> timeline = counts("support", "SELECT order_id, count(*) FROM order_status_change GROUP BY order_id");
            Set<String> ids = new HashSet<>(history.keySet());
            ids.addAll(timeline.keySet());
            int lost = 0;
            int doubled = 0;
            for (String id : ids) {
                long h = history.getOrDefault(id, 0L);
                long t = timeline.getOrDefault(id, 0L);
                if (t < h) {
                    lost++;
                    differences.add(new Difference(Kind.LOST, "support.order_status_change", "order " + id + ": " + t + " status changes, order-service has " + h));
                } else if (t > h) {
                    doubled++;
                    differences.add(new Difference(Kind.DOUBLED, "support.order_status_change", "order " + id + ": " + t + " status changes, order-service has " + h));
                }
                long e = events.getOrDefault(id, 0L);
                if (e != h && !events.isEmpty()) {
                    differences.add(new Difference(h > e ? Kind.DOUBLED : Kind.LOST, "order.order_status_history",
                            "order " + id + ": " + h + " history rows, " + e + " status-changed events in the outbox"));
                }
            }
            figures.add(String.format("effects support.order_status_change: %d orders with fewer status changes than order-service, %d with more",
                    lost, doubled));
        }
        if (access.database("order") != null && access.database("notification") != null) {
            // Sellers hear of every order event: each published one is in notification-service's feed (one row per event
            // id, a unique key, so never twice).
            Map<String, Long> published = counts("order", "SELECT event_id::text, 1 FROM kx_outbox WHERE sent_at IS NOT NULL AND topic = 'kx.orders.v1'");
            Map<String, Long> feed = counts("notification", "SELECT event_id, 1 FROM notification WHERE event_type LIKE 'order.%'");
            List<String> missing = published.keySet().stream().filter(id -> !feed.containsKey(id)).sorted().toList();
            missing.forEach(id -> differences.add(new Difference(Kind.LOST, "notification.notification", "order event " + id + " is not in the feed")));
            figures.add(String.format("effects notification.notification: %d of %d published order events missing from the feed", missing.size(),
                    published.size()));
        }
    }

    private Map<String, Long> counts(String service, String sql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = access.connect(access.database(service)); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static String shortType(String type) {
        return type.replace("com.kingstonexpress.", "");
    }

    // ---------------------------------------------------------------- command

    /** {@code deploy/local/reconcile [--unsent-grace 30s] [--wait 60s] [--details 50]}: exits 1 on any difference. */
    public static void main(String[] args) throws InterruptedException {
        Duration grace = Duration.ofSeconds(30);
        Duration wait = Duration.ZERO;
        int details = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--unsent-grace" -> grace = seconds(args[++i]);
                case "--wait" -> wait = seconds(args[++i]);
                case "--details" -> details = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: reconcile [--unsent-grace 30s] [--wait 0s] [--details 50]");
                    System.out.println("  compares every outbox with Kafka, every consumer's inbox with its topic, the order projections");
                    System.out.println("  with order-service and effect counts; prints differences and exits 1 if there are any.");
                    System.out.println("  --wait: compare again until clean or this long has passed (work in flight settles).");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        StackAccess access = StackAccess.fromEnvironment(StackConfig.fromEnvironment(Path.of(System.getProperty("kx.root", "."))));
        Reconciliation reconciliation = new Reconciliation(access, grace);
        Report report;
        try {
            report = wait.isZero() ? reconciliation.run() : reconciliation.awaitClean(wait, Duration.ofSeconds(3));
        } catch (IllegalStateException e) {
            System.err.println("reconcile| " + e.getMessage());
            System.exit(2);
            return;
        }
        report.print(System.out, details);
        System.exit(report.clean() ? 0 : 1);
    }

    static Duration seconds(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }
}
