package com.kingstonexpress.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On demand only: {@code ./mvnw -pl platform/platform-data -am test -Dtest=OutboxAppendBenchmark -Dkx.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. What one append costs PostgreSQL: the two statements it used to issue
 * (number the subject, then insert the row) against the one it issues now ({@link Outbox#APPEND}), on copies of the
 * outbox tables (the relay does not see them), at the same concurrency, in the same run: 4 writers, each committing
 * 50 appends per transaction (a consumer's poll), over 1,000 subjects. The two alternate twice so that drift on a
 * noisy machine hits both. Prints appends per second and the ratio; asserts nothing about them.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "kx.benchmark", matches = "true")
class OutboxAppendBenchmark {

    private static final int WRITERS = 4;
    private static final int PER_TRANSACTION = 50;
    private static final long ROUND_MILLIS = 10_000;
    private static final String PAYLOAD = "{\"specversion\":\"1.0\",\"type\":\"bench\",\"data\":{\"x\":\"" + "p".repeat(700) + "\"}}";

    private static final String NUMBER = """
            INSERT INTO bench_event_sequence (subject, last_seq) VALUES (?, 1)
            ON CONFLICT (subject) DO UPDATE SET last_seq = bench_event_sequence.last_seq + 1
            RETURNING last_seq""";
    private static final String INSERT = "INSERT INTO bench_outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)";
    private static final String ONE_STATEMENT = Outbox.APPEND.replace("kx_event_sequence", "bench_event_sequence")
            .replace("kx_outbox", "bench_outbox");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneStatementAgainstTwo() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_outbox, bench_event_sequence");
            s.execute("CREATE TABLE bench_outbox (LIKE kx_outbox INCLUDING ALL)");
            s.execute("CREATE TABLE bench_event_sequence (LIKE kx_event_sequence INCLUDING ALL)");
        }
        System.out.printf("outbox append: %d writers, %d appends per transaction, %d s per round%n", WRITERS, PER_TRANSACTION,
                ROUND_MILLIS / 1000);
        double[] two = new double[2];
        double[] one = new double[2];
        for (int round = 0; round < 2; round++) {
            two[round] = run(false);
            one[round] = run(true);
            System.out.printf("  round %d: two statements %.0f appends/s, one statement %.0f appends/s (%.2fx)%n", round + 1,
                    two[round], one[round], one[round] / two[round]);
        }
        System.out.printf("outbox append: one statement %.2fx the appends per second of two%n", (one[0] + one[1]) / (two[0] + two[1]));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_outbox, bench_event_sequence");
        }
    }

    /** Appends per second over one round. */
    private double run(boolean oneStatement) throws Exception {
        AtomicLong appended = new AtomicLong();
        long end = System.nanoTime() + ROUND_MILLIS * 1_000_000;
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            running.add(writers.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        // In subject order, as concurrent writers that share subjects must lock them, or they deadlock.
                        for (String subject : ThreadLocalRandom.current().ints(PER_TRANSACTION, 0, 1_000).sorted()
                                .mapToObj(n -> "order-" + n).toList()) {
                            if (oneStatement) {
                                appendInOne(c, subject);
                            } else {
                                appendInTwo(c, subject);
                            }
                        }
                        c.commit();
                        appended.addAndGet(PER_TRANSACTION);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        writers.shutdown();
        return appended.get() / ((System.nanoTime() - started) / 1e9);
    }

    private static void appendInTwo(Connection c, String subject) throws SQLException {
        try (PreparedStatement number = c.prepareStatement(NUMBER)) {
            number.setString(1, subject);
            try (ResultSet rs = number.executeQuery()) {
                rs.next();
            }
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "kx.bench.v1");
            insert.setString(3, subject);
            insert.setString(4, "bench");
            insert.setString(5, PAYLOAD);
            insert.executeUpdate();
        }
    }

    private static void appendInOne(Connection c, String subject) throws SQLException {
        try (PreparedStatement append = c.prepareStatement(ONE_STATEMENT)) {
            append.setString(1, subject);
            append.setObject(2, UUID.randomUUID());
            append.setString(3, "kx.bench.v1");
            append.setString(4, subject);
            append.setString(5, "bench");
            append.setString(6, PAYLOAD.substring(1));
            try (ResultSet rs = append.executeQuery()) {
                rs.next();
            }
        }
    }
}
