package com.kingstonexpress.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.problem.ProblemException;

class QueryParamsTest {

    @Test
    void enumValuesAreCaseInsensitiveAndOptional() {
        assertEquals(DayOfWeek.MONDAY, QueryParams.enumValue("day", " monday ", DayOfWeek.class));
        assertNull(QueryParams.enumValue("day", "", DayOfWeek.class));
        ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.enumValue("day", "someday", DayOfWeek.class));
        assertEquals(400, e.problem().getStatus());
        assertTrue(e.problem().getDetail().contains("MONDAY"), e.problem().getDetail());
    }

    @Test
    void instantsAreDatesOrDateTimesWithinTheDatabasesYears() {
        assertEquals(Instant.parse("2026-01-31T10:00:00Z"), QueryParams.instant("from", "2026-01-31T11:00:00+01:00", false));
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), QueryParams.instant("to", "2026-01-31", true));
        assertEquals(Instant.parse("2026-01-31T00:00:00Z"), QueryParams.instant("from", "2026-01-31", false));
        for (String bad : List.of("1969-12-31", "+10000-01-01T00:00:00Z", "yesterday", "2026-13-01")) {
            assertEquals(400, assertThrows(ProblemException.class, () -> QueryParams.instant("from", bad, false)).problem().getStatus(), bad);
        }
    }

    @Test
    void pagesShowAtMostTheLimitAndPointAfterTheLastShown() {
        assertEquals(new Page<>(List.of(1, 2), null), Page.keyset(List.of(1, 2), 2, String::valueOf));
        assertEquals(new Page<>(List.of(1, 2), "2"), Page.keyset(List.of(1, 2, 3), 2, String::valueOf));
    }

    @Test
    void cursorsThatDoNotParseAreTheCallersMistake() {
        assertNull(Cursors.decode(null, 2, parts -> parts));
        String cursor = Cursors.encode("not-a-time", "id-1");
        assertEquals(400, assertThrows(ProblemException.class,
                () -> Cursors.decode(cursor, 2, parts -> Instant.parse(parts.get(0)))).problem().getStatus());
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursors.limit("ten", 20, 100)).problem().getStatus());
        assertEquals(20, Cursors.limit((String) null, 20, 100));
        Instant at = Instant.parse("2026-11-30T10:15:30.123456Z");
        assertEquals(new Cursors.TimeAndId(at, "o-1"), Cursors.timeAndId(Cursors.encode(at, "o-1")));
        assertNull(Cursors.timeAndId(" "));
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursors.timeAndId(cursor)).problem().getStatus());
    }
}
