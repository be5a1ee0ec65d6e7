package com.kingstonexpress.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The event pipeline holds under faults: 16 concurrent writers place orders of both types through the gateway
 * and drive signed center and carrier events and seller steps for more than 20 s while the Kafka broker is killed
 * (SIGKILL) and restarted, every database connection of order-service is terminated, and order-service, then
 * fulfillment-service, then messaging-service, notification-service and support-service together are killed and
 * restarted.
 * Afterwards the reconciliation finds nothing lost and nothing applied twice, every acknowledged create is in every
 * projection, and no consumer dead-lettered anything during the run.
 *
 * <p>It shares the stack of this test JVM with the other end-to-end tests and kills parts of it, so it runs last
 * ({@code junit-platform.properties} orders classes by {@link Order}).
 */
@Order(Integer.MAX_VALUE)
class PipelineUnderFaultsEndToEndTest {

    private static final int WRITERS = 16;
    private static final Duration WRITING = Duration.ofSeconds(22);

    @Test
    void nothingIsLostOrAppliedTwiceWhenTheBrokerAConsumerAndDatabaseConnectionsDieMidRun() throws Exception {
        LocalStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack.config());
        Reconciliation reconciliation = new Reconciliation(access, Duration.ofSeconds(20));
        Instant runStart = Instant.now();

        try (OrderTraffic traffic = new OrderTraffic(stack.config().gatewayUrl(), WRITERS, Duration.ofMillis(800)).start(Integer.MAX_VALUE)) {
            OrderTraffic.Figures figures = traffic.figures();
            awaitMoreCreates(figures, 32);

            // (a) The broker dies without warning; order creates keep being acknowledged (the outbox holds their events).
            stack.kafka().kill();
            System.out.println("faults| broker killed (SIGKILL) after " + figures);
            awaitMoreCreates(figures, 32);
            stack.kafka().start(Duration.ofMinutes(5));
            System.out.println("faults| broker restarted after " + figures);

            // (b) Every connection order-service holds is cut mid-run.
            awaitMoreCreates(figures, 32);
            int terminated = terminateConnections(access, "kx_orders");
            System.out.println("faults| terminated " + terminated + " connections of kx_orders after " + figures);

            // (c) order-service dies without warning while center reports flow (it applies a poll of them in one
            // transaction) and starts again; creates through the gateway fail meanwhile and are not counted.
            awaitMore(figures.centerEvents, 16);
            System.out.println("faults| killing order-service (SIGKILL) after " + figures);
            Instant orderKilled = Instant.now();
            stack.restartAfterCrash("order");
            System.out.println("faults| order-service ready again after " + figures);
            assertCrashedRunLogKept(stack, "order", orderKilled);

            // (d) A consumer service dies without warning and starts again on the same database and consumer groups.
            awaitMoreCreates(figures, 32);
            System.out.println("faults| killing fulfillment-service (SIGKILL) after " + figures);
            stack.restartAfterCrash("fulfillment");
            System.out.println("faults| fulfillment-service ready again after " + figures);

            // (e) The other consumers that take order events a poll at a time (one transaction per poll) die together.
            awaitMoreCreates(figures, 32);
            System.out.println("faults| killing messaging-service, notification-service and support-service (SIGKILL) after " + figures);
            stack.restartAfterCrash("messaging", "notification", "support");
            System.out.println("faults| messaging-service, notification-service and support-service ready again after " + figures);
            awaitMoreCreates(figures, 32);

            await().atMost(Duration.ofSeconds(90)).until(() -> Duration.between(runStart, Instant.now()).compareTo(WRITING) >= 0);
            traffic.stop();
            System.out.println("faults| writers stopped after " + Duration.between(runStart, Instant.now()).toSeconds() + " s: " + figures);

            Set<String> acknowledged = traffic.acknowledged();
            assertTrue(acknowledged.size() >= 100, "too few acknowledged creates to prove anything: " + figures);
            assertTrue(figures.centerEvents.get() > 0 && figures.carrierEvents.get() > 0 && figures.sellerActions.get() > 0,
                    "every kind of writer made progress: " + figures);
            assertEquals(0, figures.resendsRefused.get(), "a webhook delivery resent as it was got a 4xx: " + figures);

            assertReconciled(access, reconciliation, runStart, acknowledged);
        }
    }

    /**
     * Waits (up to 120 s) until the reconciliation is clean, then asserts it, that every acknowledged create is in
     * every projection, and that nothing was dead-lettered since {@code runStart}. Shared with the replica test.
     */
    static void assertReconciled(StackAccess access, Reconciliation reconciliation, Instant runStart, Set<String> acknowledged)
            throws Exception {
        AtomicReference<Reconciliation.Report> last = new AtomicReference<>();
        boolean settled;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                last.set(reconciliation.run());
                return last.get().clean();
            });
            settled = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            settled = false;
        }
        last.get().print(System.out, 40);
        List<String> deadLetteredDuringRun;
        try (DeadLetters deadLetters = new DeadLetters(access)) {
            deadLetteredDuringRun = deadLetters.list().stream().filter(d -> !d.deadLetteredAt().isBefore(runStart))
                    .map(d -> d.coordinates() + " from " + d.sourceCoordinates() + " " + d.consumer().orElse("?") + ": " + d.reason()).toList();
        }
        deadLetteredDuringRun.forEach(d -> System.out.println("faults| dead-lettered during the run: " + d));

        assertTrue(settled, "the stack did not reconcile within 120 s of the faults:\n" + last.get().summary(40)
                + "\ndead-lettered during the run: " + deadLetteredDuringRun);
        assertEquals(Map.of(), reconciliation.absent(acknowledged), "acknowledged creates missing somewhere");
        assertEquals(List.of(), deadLetteredDuringRun, "nothing may be dead-lettered because of a broker, service or connection failure");
    }

    static void awaitMoreCreates(OrderTraffic.Figures figures, int more) {
        awaitMore(figures.createsAcknowledged, more);
    }

    /** Waits (up to 60 s) until the writers' count has grown by {@code more}. */
    static void awaitMore(AtomicLong count, int more) {
        long target = count.get() + more;
        await().atMost(Duration.ofSeconds(60)).until(() -> count.get() >= target);
    }

    /** The restart starts a new log; the crashed run's own log, from its start to its last line, is kept beside it. */
    private static void assertCrashedRunLogKept(LocalStack stack, String service, Instant killed) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(service) + "\\.crashed-(\\d+)\\.log");
        List<Path> kept;
        try (Stream<Path> logs = Files.list(stack.config().dataDir().resolve("logs"))) {
            kept = logs.filter(f -> {
                Matcher m = name.matcher(f.getFileName().toString());
                return m.matches() && Long.parseLong(m.group(1)) >= killed.toEpochMilli();
            }).toList();
        }
        assertEquals(1, kept.size(), "one kept log of the " + service + " run killed at " + killed + ": " + kept);
        assertTrue(Files.readString(kept.get(0)).contains(" started in "), kept.get(0) + " lacks the crashed run's start");
    }

    /** {@code pg_terminate_backend} on every connection to the database, as a failover or an operator would. */
    private static int terminateConnections(StackAccess access, String database) throws SQLException {
        try (Connection c = access.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
