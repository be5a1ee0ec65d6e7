package com.kingstonexpress.platform.web.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing follows the standard OpenTelemetry variables: spans are recorded and exported only where an operator
 * names a collector with {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}),
 * optionally with {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code grpc} or {@code http/protobuf}). Without one the
 * SDK stays off, so a service neither pays for spans nor logs failed exports to a collector that is not there;
 * the {@code traceparent} a caller sends still travels on the events (see {@code RequestIds}).
 *
 * <p>Ordinal 150: above the platform defaults, below {@code application.properties} and the environment, so an
 * explicit {@code quarkus.otel.*} setting always wins.
 */
public class TracingDefaults implements ConfigSource {

    private final Map<String, String> properties;

    public TracingDefaults() {
        this(System.getenv());
    }

    TracingDefaults(Map<String, String> environment) {
        Map<String, String> p = new HashMap<>();
        String endpoint = setting(environment, "OTEL_EXPORTER_OTLP_ENDPOINT");
        String tracesEndpoint = setting(environment, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        p.put("quarkus.otel.sdk.disabled", String.valueOf(endpoint == null && tracesEndpoint == null));
        put(p, "quarkus.otel.exporter.otlp.endpoint", endpoint);
        put(p, "quarkus.otel.exporter.otlp.traces.endpoint", tracesEndpoint);
        put(p, "quarkus.otel.exporter.otlp.protocol", setting(environment, "OTEL_EXPORTER_OTLP_PROTOCOL"));
        put(p, "quarkus.otel.exporter.otlp.traces.protocol", setting(environment, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"));
        this.properties = Map.copyOf(p);
    }

    /** The variable from the environment, else the same-named system property ({@code otel.exporter.otlp.endpoint}). */
    private static String setting(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null) {
            value = System.getProperty(variable.toLowerCase().replace('_', '.'));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "kx-tracing-defaults";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
