package com.kingstonexpress.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.kingstonexpress.platform.problem.ProblemException;

/**
 * Opaque pagination cursors: the sort key of the last item returned (e.g. created-at and id), encoded so
 * that clients treat it as a token. A cursor that does not decode is a 400, never a 500.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** @return exactly {@code expectedParts} parts */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw ProblemException.badRequest("The cursor is not valid; start again without one.");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The cursor is not valid; start again without one.");
        }
    }

    /**
     * Decodes a cursor into the caller's sort key: {@code null} when there is none, and a 400 for anything that
     * does not decode or parse (a cursor is opaque to clients, so a bad one is never their data's fault).
     */
    public static <K> K decode(String cursor, int expectedParts, Function<List<String>, K> sortKey) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = decode(cursor, expectedParts);
        try {
            return sortKey.apply(parts);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("The cursor is not valid; start again without one.");
        }
    }

    /** The commonest sort key: newest first by a time, ties broken by id. */
    public record TimeAndId(Instant at, String id) {
    }

    /** A {@link TimeAndId} cursor: {@code null} when there is none, 400 when it does not decode. */
    public static TimeAndId timeAndId(String cursor) {
        return decode(cursor, 2, parts -> new TimeAndId(Instant.parse(parts.get(0)), parts.get(1)));
    }

    public static String encode(Instant at, String id) {
        return encode(at.toString(), id);
    }

    /** Reads a {@code limit} query parameter given as text (so "abc" is our 400, not the framework's 404). */
    public static int limit(String requested, int defaultLimit, int max) {
        if (requested == null || requested.isBlank()) {
            return defaultLimit;
        }
        try {
            return limit(Integer.valueOf(requested.trim()), defaultLimit, max);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit must be a whole number.");
        }
    }

    /** Clamps a requested page size into [1, max], defaulting when absent. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.badRequest("limit must be between 1 and " + max + ".");
        }
        return requested;
    }
}
