package com.kingstonexpress.order.orders.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.platform.events.PoisonEventException;

/** Reading consumed events' {@code data}: anything required that is missing or unreadable is poison. */
public final class EventData {

    private EventData() {
    }

    public static String required(JsonNode data, String field) {
        String value = text(data, field, null);
        if (value == null) {
            throw new PoisonEventException("data." + field + " is required");
        }
        return value;
    }

    public static String text(JsonNode data, String field, String fallback) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? fallback : node.asText();
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode data, String field) {
        String value = required(data, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("data." + field + " has an unknown value " + value);
        }
    }

    public static Instant instant(JsonNode data, String field) {
        String value = text(data, field, null);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("data." + field + " is not an ISO-8601 time: " + value);
        }
    }

    public static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    values.add(v.asText().trim());
                }
            });
        }
        return values;
    }
}
