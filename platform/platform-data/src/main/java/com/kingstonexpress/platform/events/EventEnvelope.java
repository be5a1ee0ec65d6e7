package com.kingstonexpress.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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

    /** This envelope with its per-subject sequence number. */
    public EventEnvelope withSequence(long sequence) {
        return new EventEnvelope(specversion, id, source, type, subject, time, datacontenttype, sequence, requestid, traceparent, data);
    }

    /**
     * Reads event data leniently about what it may add (unknown fields are a newer producer's, not an error) and
     * strictly about what it must carry: enum values must be known and {@code @JsonProperty(required = true)}
     * fields present.
     */
    private static final ObjectMapper DATA_READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /**
     * The data as the consumer's own record of it. Data that does not fit can never be processed, so it is a
     * {@link PoisonEventException} naming the field, and the event goes to the dead-letter topic.
     */
    public <T> T dataAs(Class<T> type) {
        if (data == null || !data.isObject()) {
            throw new PoisonEventException(this.type + " " + id + ": data must be a JSON object");
        }
        try {
            return DATA_READER.treeToValue(data, type);
        } catch (JsonMappingException e) {
            throw new PoisonEventException(this.type + " " + id + ": data field '" + path(e) + "' is not valid: "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException(this.type + " " + id + ": data is not valid: " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

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
