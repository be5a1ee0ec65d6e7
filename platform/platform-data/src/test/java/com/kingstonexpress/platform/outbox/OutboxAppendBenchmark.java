package com.kingstonexpress.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * 50 appends per transaction (a consumer's poll), over 1,000 subjects. Then a third way, that of a transaction that
 * reserved its subjects ({@link Outbox#reserve}): one statement locks the 50 subjects, one writes the 50 rows. The three
 * alternate twice so that drift on a noisy machine hits each. Prints appends per second and the ratios; asserts nothing
 * about them.
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
    private static final String ONE_STATEMENT = onCopies(Outbox.APPEND);
    private static final String RESERVE = onCopies(Outbox.RESERVE);
    private static final String WRITE_RESERVED = onCopies(Outbox.WRITE_RESERVED);

    private enum Way {
        TWO_STATEMENTS, ONE_STATEMENT, RESERVED
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void appendsPerSecondEachWay() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_outbox, bench_event_sequence");
            s.execute("CREATE TABLE bench_outbox (LIKE kx_outbox INCLUDING ALL)");
            s.execute("CREATE TABLE bench_event_sequence (LIKE kx_event_sequence INCLUDING ALL)");
        }
        System.out.printf("outbox append: %d writers, %d appends per transaction, %d s per round%n", WRITERS, PER_TRANSACTION,
                ROUND_MILLIS / 1000);
        double[] two = new double[2];
        double[] one = new double[2];
        double[] reserved = new double[2];
        for (int round = 0; round < 2; round++) {
            two[round] = run(Way.TWO_STATEMENTS);
            one[round] = run(Way.ONE_STATEMENT);
            reserved[round] = run(Way.RESERVED);
            System.out.printf("  round %d: two statements %.0f appends/s, one statement %.0f (%.2fx), reserved %.0f (%.2fx of one)%n",
                    round + 1, two[round], one[round], one[round] / two[round], reserved[round], reserved[round] / one[round]);
        }
        System.out.printf("outbox append: one statement %.2fx the appends per second of two; reserved %.2fx those of one%n",
                (one[0] + one[1]) / (two[0] + two[1]), (reserved[0] + reserved[1]) / (one[0] + one[1]));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_outbox, bench_event_sequence");
        }
    }

    /** Appends per second over one round. */
    private double run(Way way) throws Exception {
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
                        List<String> subjects = ThreadLocalRandom.current().ints(PER_TRANSACTION, 0, 1_000).sorted()
                                .mapToObj(n -> "order-" + n).toList();
                        switch (way) {
                            case TWO_STATEMENTS -> {
                                for (String subject : subjects) {
                                    appendInTwo(c, subject);
                                }
                            }
                            case ONE_STATEMENT -> {
                                for (String subject : subjects) {
                                    appendInOne(c, subject);
                                }
                            }
                            case RESERVED -> appendReserved(c, subjects);
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

    /** What a transaction that reserved its subjects sends: the lock of all of them, then all their rows. */
    private static void appendReserved(Connection c, List<String> subjects) throws SQLException {
        List<String> distinct = subjects.stream().distinct().toList();
        Map<String, Long> last = new HashMap<>();
        try (PreparedStatement reserve = c.prepareStatement(RESERVE)) {
            reserve.setArray(1, c.createArrayOf("text", distinct.toArray()));
            try (ResultSet rs = reserve.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<String> payloads = subjects.stream().map(subject -> "{\"sequence\":" + last.merge(subject, 1L, Long::sum) + ","
                + PAYLOAD.substring(1)).toList();
        try (PreparedStatement write = c.prepareStatement(WRITE_RESERVED)) {
            write.setArray(1, c.createArrayOf("text", subjects.stream().map(s -> UUID.randomUUID().toString()).toArray()));
            write.setArray(2, c.createArrayOf("text", subjects.stream().map(s -> "kx.bench.v1").toArray()));
            write.setArray(3, c.createArrayOf("text", subjects.toArray()));
            write.setArray(4, c.createArrayOf("text", subjects.stream().map(s -> "bench").toArray()));
            write.setArray(5, c.createArrayOf("text", payloads.toArray()));
            write.setArray(6, c.createArrayOf("text", distinct.toArray()));
            write.setArray(7, c.createArrayOf("bigint", distinct.stream().map(last::get).toArray()));
            write.executeUpdate();
        }
    }

    private static String onCopies(String statement) {
        return statement.replace("kx_event_sequence", "bench_event_sequence").replace("kx_outbox", "bench_outbox");
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
