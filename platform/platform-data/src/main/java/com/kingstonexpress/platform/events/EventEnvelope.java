package com.kingstonexpress.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on every Kafka topic.
 *
 * @param id       unique per event; consumers deduplicate on it
 * @param source   the producing service, e.g. {@code /kx/order-service}
 * @param type     versioned type, e.g. {@code com.kingstonexpress.order.status-changed.v1}
 * @param subject  the aggregate id (also the Kafka record key), e.g. the order id
 * @param sequence per-subject, increasing (CloudEvents extension)
 * @param requestid the request that caused the event, when one did (extension)
 * @param traceparent the W3C trace context of that request, when it had one (distributed tracing extension)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        Long sequence,
        String requestid,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** The minimum a consumer needs before it can act on an event. */
    public void requireWellFormed() {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new PoisonEventException("specversion must be 1.0, was " + specversion);
        }
        if (isBlank(id) || isBlank(type) || isBlank(subject) || isBlank(source) || time == null) {
            throw new PoisonEventException("id, source, type, subject and time are required");
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("data must be a JSON object");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
