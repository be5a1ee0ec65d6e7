package com.kingstonexpress.localstack;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many statements each service database ran for a scenario, from PostgreSQL's {@code pg_stat_statements} (the
 * local stack loads it): divided by the scenario's calls, a figure of the work per call that this machine's noise does
 * not move. Counted from before a scenario until the whole pipeline is quiet again after it, so the consumers' work
 * that a create or a center event sets off is in it; BEGIN and COMMIT count as statements, as they cost a round trip.
 * The idle stack's own rate (relays' and schedulers' polls), measured when counting starts, is taken off; the
 * benchmark's own statements carry {@link #MARK} and are left out.
 */
final class StatementCounts {

    /** Starts every statement the benchmark itself sends to a service database while a scenario is counted. */
    static final String MARK = "/* kx-benchmark */ ";
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration QUIET_AT_MOST = Duration.ofSeconds(30);

    /** A point in the count: statements run so far per database, and when. */
    record Snapshot(Map<String, Long> calls, long nanos) {
    }

    private final Connection connection;
    /** Statements per second of the idle stack, per database. */
    private Map<String, Double> idlePerSecond = Map.of();

    private StatementCounts(Connection connection) {
        this.connection = connection;
    }

    /** With the idle rates already known (for a test of the arithmetic). */
    StatementCounts(Connection connection, Map<String, Double> idlePerSecond) {
        this.connection = connection;
        this.idlePerSecond = idlePerSecond;
    }

    /** Counts on {@code connection}'s server, or null (said on {@code out}) when pg_stat_statements is not loaded there. */
    static StatementCounts open(Connection connection, PrintStream out) {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            StatementCounts counts = new StatementCounts(connection);
            // The quietest of three windows: the stack may still be working off what came before.
            Snapshot before = counts.snapshot();
            for (int i = 0; i < 3; i++) {
                Thread.sleep(WINDOW.toMillis());
                Snapshot after = counts.snapshot();
                Map<String, Double> idle = new TreeMap<>();
                double seconds = (after.nanos() - before.nanos()) / 1e9;
                Snapshot from = before;
                after.calls().forEach((db, n) -> idle.put(db, (n - from.calls().getOrDefault(db, 0L)) / seconds));
                if (i == 0 || sum(idle) < sum(counts.idlePerSecond)) {
                    counts.idlePerSecond = idle;
                }
                before = after;
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (SQLException e) {
            out.println("statements per call: not counted (" + e.getMessage().lines().findFirst().orElse("")
                    + "); a stack started by this version of deploy/local/run loads pg_stat_statements");
            return null;
        }
    }

    /** Statements run so far, per database whose name starts with kx_. */
    Snapshot snapshot() throws SQLException {
        Map<String, Long> calls = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(MARK + "SELECT d.datname, sum(p.calls) FROM pg_stat_statements p JOIN pg_database d "
                        + "ON d.oid = p.dbid WHERE d.datname LIKE 'kx\\_%' AND p.query NOT LIKE '%kx-benchmark%' GROUP BY d.datname")) {
            while (rs.next()) {
                calls.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new Snapshot(calls, System.nanoTime());
    }

    /**
     * Waits until the stack runs no more than half again its idle rate over a 2-second window (at most 30 s), and
     * returns the snapshot then.
     */
    Snapshot whenQuiet() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + QUIET_AT_MOST.toNanos();
        double idle = sum(idlePerSecond) * WINDOW.toSeconds();
        Snapshot last = snapshot();
        while (System.nanoTime() < deadline) {
            Thread.sleep(WINDOW.toMillis());
            Snapshot now = snapshot();
            if (total(now) - total(last) <= 1.5 * idle + 10) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Statements per call by database (one decimal), and their sum under "all", less the idle rate over the time. */
    Map<String, Double> perCall(Snapshot before, Snapshot after, long calls) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (calls <= 0) {
            return per;
        }
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        double all = 0;
        for (Map.Entry<String, Long> e : after.calls().entrySet()) {
            double ran = e.getValue() - before.calls().getOrDefault(e.getKey(), 0L) - idlePerSecond.getOrDefault(e.getKey(), 0.0) * seconds;
            all += Math.max(0, ran);
            if (ran >= calls / 20.0) {
                per.put(e.getKey(), Math.round(10.0 * ran / calls) / 10.0);
            }
        }
        per.put("all", Math.round(10.0 * all / calls) / 10.0);
        return per;
    }

    private static double sum(Map<String, Double> perSecond) {
        return perSecond.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static long total(Snapshot snapshot) {
        return snapshot.calls().values().stream().mapToLong(Long::longValue).sum();
    }
}
