package com.kingstonexpress.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;

import com.kingstonexpress.platform.problem.ProblemException;

/** Query-parameter parsing that answers a bad value with a 400 naming the parameter, never a 404 or 500. */
public final class QueryParams {

    /** The database's timestamps end with year 9999; later instants would fail in SQL instead of here. */
    private static final Instant END_OF_YEAR_9999 = Instant.parse("+10000-01-01T00:00:00Z");

    private QueryParams() {
    }

    /** An optional enum filter, case-insensitive: {@code null} when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
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

    /**
     * An optional ISO-8601 instant ({@code 2026-01-31T10:00:00Z}, with any offset) or date; a date as an upper
     * bound means "through that day". Years 1970 to 9999 only.
     */
    public static Instant instant(String name, String value, boolean upperBound) {
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
