package com.kingstonexpress.platform.web.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TracingDefaultsTest {

    @Test
    void withoutAnEndpointTheSdkIsOffAndNothingIsExported() {
        TracingDefaults defaults = new TracingDefaults(Map.of());
        assertEquals("true", defaults.getValue("quarkus.otel.sdk.disabled"));
        assertNull(defaults.getValue("quarkus.otel.exporter.otlp.endpoint"));
    }

    @Test
    void theStandardVariablesTurnTracingOnAndNameTheCollector() {
        TracingDefaults defaults = new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " http://collector:4318 ",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        assertEquals("false", defaults.getValue("quarkus.otel.sdk.disabled"));
        assertEquals("http://collector:4318", defaults.getValue("quarkus.otel.exporter.otlp.endpoint"));
        assertEquals("http/protobuf", defaults.getValue("quarkus.otel.exporter.otlp.protocol"));
    }

    @Test
    void aTracesOnlyEndpointIsEnoughAndABlankOneIsNone() {
        assertEquals("false", new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4317"))
                .getValue("quarkus.otel.sdk.disabled"));
        assertEquals("true", new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")).getValue("quarkus.otel.sdk.disabled"));
    }
}
