package com.kingstonexpress.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The arithmetic behind "statements per call" (README, "Performance"): statements run between two snapshots, less the
 * idle stack's own rate over the time between them, per call. {@code BenchmarkSmokeTest} runs it against a stack;
 * this pins the figures down.
 */
class StatementCountsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void statementsPerCallAreWhatRanLessTheIdleRateOverTheTime() {
        StatementCounts counts = new StatementCounts(null, Map.of("kx_orders", 2.0, "kx_support", 1.0));
        StatementCounts.Snapshot before = new StatementCounts.Snapshot(Map.of("kx_orders", 1_000L, "kx_support", 500L), 0);
        StatementCounts.Snapshot after = new StatementCounts.Snapshot(Map.of("kx_orders", 1_620L, "kx_support", 810L), 10 * SECOND);

        // orders: 620 ran, 20 of them idle (2/s for 10 s): 600 for 100 calls. support: 310 ran, 10 idle: 300.
        assertEquals(figures("kx_orders", 6.0, "kx_support", 3.0, "all", 9.0), counts.perCall(before, after, 100));
    }

    @Test
    void aDatabaseWithUnderAStatementPerTwentyCallsIsLeftOutButCountsInTheSum() {
        StatementCounts counts = new StatementCounts(null, Map.of());
        StatementCounts.Snapshot before = new StatementCounts.Snapshot(Map.of("kx_orders", 0L), 0);
        // kx_messaging appears after the first snapshot: it counts from zero.
        StatementCounts.Snapshot after = new StatementCounts.Snapshot(Map.of("kx_orders", 250L, "kx_messaging", 4L), SECOND);

        assertEquals(figures("kx_orders", 2.5, "all", 2.5), counts.perCall(before, after, 100));
        // 4 for 80 calls is one per twenty: shown. 250/80 and 254/80 round to one decimal.
        assertEquals(figures("kx_orders", 3.1, "kx_messaging", 0.1, "all", 3.2), counts.perCall(before, after, 80));
    }

    @Test
    void anIdleRateAboveWhatRanCountsAsNothingAndNoCallsAsNoFigure() {
        StatementCounts counts = new StatementCounts(null, Map.of("kx_orders", 50.0));
        StatementCounts.Snapshot before = new StatementCounts.Snapshot(Map.of("kx_orders", 0L, "kx_support", 0L), 0);
        StatementCounts.Snapshot after = new StatementCounts.Snapshot(Map.of("kx_orders", 30L, "kx_support", 100L), SECOND);

        assertEquals(figures("kx_support", 1.0, "all", 1.0), counts.perCall(before, after, 100), "never a negative count");
        assertEquals(Map.of(), counts.perCall(before, after, 0));
    }

    private static Map<String, Double> figures(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return map;
    }
}
