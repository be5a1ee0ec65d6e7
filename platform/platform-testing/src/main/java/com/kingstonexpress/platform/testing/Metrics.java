package com.kingstonexpress.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a {@code @QuarkusTest}'s Prometheus endpoint, {@code /q/metrics} on the management interface (a free port in
 * tests: {@code %test.quarkus.management.test-port=0}), as an operator's Prometheus would.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The management interface's port of the application under test. */
    public static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** The whole text exposition of {@code /q/metrics}. */
    public static String scrape() {
        return given().port(managementPort()).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of every series of {@code name} (its Prometheus name, e.g. {@code kx_guard_refusals_total}) carrying all
     * the given labels ({@code "rule", "SM_ADDRESS_NOT_CONFIRMED"}); 0 when there is none, as Prometheus reads an absent
     * counter.
     */
    public static double value(String name, String... labels) {
        return valueIn(scrape(), name, labels);
    }

    /** As {@link #value(String, String...)}, over a scrape already taken. */
    public static double valueIn(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : series(scrape, name, labels)) {
            sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return sum;
    }

    /** The lines of {@code name}'s series carrying all the given labels. */
    public static List<String> series(String scrape, String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        List<String> found = new ArrayList<>();
        for (String exposed : scrape.split("\n")) {
            // With tracing on, OpenMetrics lines end in an exemplar ("value # {trace_id=...} 1.0 <timestamp>").
            int exemplar = exposed.indexOf(" # ");
            String line = exemplar < 0 ? exposed : exposed.substring(0, exemplar);
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                found.add(line);
            }
        }
        return found;
    }
}
