package com.kingstonexpress.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard and the Prometheus alert rules under deploy/observability use only metrics the code registers
 * ({@link KxMetrics}) or the extensions provide: a renamed meter fails here, not on an operator's empty panel.
 */
class ObservabilityFilesTest {

    private static final Path DIR = Path.of("../../deploy/observability");
    /** A metric name in PromQL: a known prefix, then name characters, not followed by a function's parenthesis. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:kx|kafka|http|agroal|jvm|process)_[a-z0-9_]+)\\b(?!\\s*\\()");

    @Test
    void everyDashboardPanelQueriesRegisteredMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DIR.resolve("grafana/kx-overview.json").toFile());
        assertEquals("kx-overview", dashboard.path("uid").asText());
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        assertTrue(expressions.size() >= 15, "panels: " + expressions.size());
        assertOnlyKnownMetrics(expressions);
        Set<String> used = metrics(expressions);
        for (String name : List.of("kx_outbox_unsent", "kx_outbox_oldest_unsent_age_seconds", "kx_events_dead_lettered_total",
                "kx_events_parked_total", "kx_guard_refusals_total", "kx_gateway_refusals_total", "kx_gateway_breaker_open",
                "kafka_consumer_fetch_manager_records_lag_max")) {
            assertTrue(used.contains(name), "the dashboard shows " + name);
        }
    }

    @Test
    void everyAlertRuleQueriesRegisteredMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("prometheus/alerts.yml"));
        // The expressions: "expr: ..." on one line, or "expr: |" and the more indented lines below it.
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("expr:")) {
                continue;
            }
            String expr = line.substring("expr:".length()).strip();
            if (expr.equals("|")) {
                int indent = lines.get(i).indexOf("expr:");
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                    block.append(lines.get(++i).strip()).append('\n');
                }
                expr = block.toString();
            }
            expressions.add(expr);
        }
        assertEquals(lines.stream().filter(l -> l.strip().startsWith("- alert:")).count(), expressions.size(), "one expr per alert");
        assertOnlyKnownMetrics(expressions);
        Set<String> used = metrics(expressions);
        for (String name : List.of("kx_outbox_oldest_unsent_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "kx_events_dead_lettered_total", "kx_gateway_breaker_open")) {
            assertTrue(used.contains(name), "an alert watches " + name);
        }
    }

    private static void assertOnlyKnownMetrics(List<String> expressions) {
        Set<String> unknown = new TreeSet<>(metrics(expressions));
        unknown.removeAll(KxMetrics.PROMETHEUS_NAMES);
        unknown.removeAll(KxMetrics.EXTENSION_NAMES);
        assertTrue(unknown.isEmpty(), "metrics no code registers: " + unknown);
    }

    private static Set<String> metrics(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
