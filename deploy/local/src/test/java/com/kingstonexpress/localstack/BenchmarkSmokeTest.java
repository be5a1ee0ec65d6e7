package com.kingstonexpress.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark command works: a tiny run (seconds, a few hundred seeded orders) against the test stack prints its
 * table and writes its JSON with a row per scenario. Figures are printed, never asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void aTinyRunPrintsTheTableAndWritesTheJson() throws Exception {
        LocalStack stack = RunningStack.get();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(printed, System.out), true, StandardCharsets.UTF_8);

        String[] tiny = {"--seed", "--seed-total", "300", "--seed-seller-orders", "200", "--duration", "1", "--warm-up", "0", "--clients", "2",
                "--list-clients", "2", "--webhook-batch-size", "5", "--webhook-batches", "2", "--webhook-concurrency", "2", "--e2e-rate", "20",
                "--e2e-seconds", "1"};
        Path json = Benchmark.run(stack, out, tiny);
        // A second run finds the seed there and reuses it.
        Path again = Benchmark.run(stack, out, concat(tiny, "--only", "get"));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("same SQL/s") && table.contains("its p99 ms"), table);
        assertTrue(table.contains("resident memory after the run"), table);
        assertTrue(table.contains("load average before"), table);
        assertTrue(table.contains("dashboard: whole after"), "the dashboard is measured warm:\n" + table);
        assertTrue(table.contains("orders already there"), "the second run reuses the seed:\n" + table);

        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        List<String> scenarios = new ArrayList<>();
        report.get("rows").forEach(r -> scenarios.add(r.get("scenario").asText() + " / " + r.get("via").asText()));
        for (String expected : List.of("create order / direct", "create order / gateway", "get order / direct", "get order / gateway",
                "list 50 (no filter) / gateway", "list 50 status=NEW / gateway", "list 50 type=KINGSTON_DISPATCHED / gateway",
                "list 50 attention=ADDRESS_ISSUE / gateway", "list 50 q=kx-sku-0042 / gateway", "seller dashboard / gateway",
                "start-processing / gateway", "center webhook, batches of 5 (accepted) / gateway",
                "center events applied (ingest until all visible) / end to end", "center event -> order status visible / end to end")) {
            assertTrue(scenarios.contains(expected), expected + " missing from " + scenarios);
        }
        report.get("rows").forEach(r -> assertTrue(r.get("ok").asLong() > 0, "nothing succeeded in " + r));
        // The stack's PostgreSQL counts statements: a create runs some in order-service's database, and so does each
        // center event there and in fulfillment's.
        assertTrue(table.contains("PostgreSQL statements per call"), table);
        for (JsonNode r : report.get("rows")) {
            String scenario = r.get("scenario").asText();
            if (scenario.equals("create order") || scenario.startsWith("center events applied")) {
                assertTrue(r.path("statementsPerCall").path("kx_orders").asDouble() >= 1, "order-service's statements in " + r);
            }
            if (scenario.startsWith("center events applied")) {
                assertTrue(r.path("statementsPerCall").path("kx_fulfillment").asDouble() >= 1, "fulfillment's statements in " + r);
            }
        }
        assertEquals(6, report.get("residentMiB").size(), report.toString());
        assertTrue(report.get("loadAverageAfter").asText().length() > 0);
        assertTrue(Files.exists(again));
    }

    @Test
    void aMisspeltGroupIsRefusedBeforeAnythingRuns() {
        LocalStack stack = RunningStack.get();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Benchmark.run(stack, System.out, new String[] {"--only", "create,lists"}));
        assertEquals("unknown group lists in --only; groups: create,get,list,dashboard,actions,center", refused.getMessage());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Prints to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
