package com.kingstonexpress.order.orders.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * The filters of the seller's order list, shared by the list and the export ({@code @BeanParam}): each getter
 * parses its parameter, {@code null} when absent and 400 naming the parameter when bad. Dates as an upper bound
 * ({@code createdTo}) mean "through that day".
 *
 * <p>The two parsers below are what platform's {@code QueryParams.enumValue/instant} do; they are here only because
 * platform-web 1.0.0-SNAPSHOT's {@code QueryParams} fails to initialise ({@code Instant.parse("10000-01-01T00:00:00Z")}
 * needs a {@code +}). Once that is fixed, call {@code QueryParams} and delete them.
 */
public class OrderFilterParams {

    private static final int MAX_QUERY_LENGTH = 100;
    /** The database's timestamps end with year 9999. */
    private static final Instant END_OF_YEAR_9999 = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @QueryParam("status")
    String status;
    @QueryParam("type")
    String type;
    @QueryParam("attention")
    String attention;
    @QueryParam("createdFrom")
    String createdFrom;
    @QueryParam("createdTo")
    String createdTo;
    @QueryParam("q")
    String q;

    public OrderStatus status() {
        return enumValue("status", status, OrderStatus.class);
    }

    public OrderType type() {
        return enumValue("type", type, OrderType.class);
    }

    public AttentionFlag attention() {
        return enumValue("attention", attention, AttentionFlag.class);
    }

    public Instant createdFrom() {
        return instant("createdFrom", createdFrom, false);
    }

    public Instant createdTo() {
        return instant("createdTo", createdTo, true);
    }

    /** The free-text search, trimmed; at most 100 characters. */
    public String text() {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q must be at most " + MAX_QUERY_LENGTH + " characters.");
        }
        return text;
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " has a value that is not allowed: " + value + " (allowed: "
                    + EnumSet.allOf(type) + ").");
        }
    }

    private static Instant instant(String name, String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                instant = (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ProblemException.badRequest(name + " must be an ISO-8601 date or date-time.");
            }
        }
        if (instant.isBefore(Instant.EPOCH) || !instant.isBefore(END_OF_YEAR_9999)) {
            throw ProblemException.badRequest(name + " must be between 1970 and 9999.");
        }
        return instant;
    }
}
