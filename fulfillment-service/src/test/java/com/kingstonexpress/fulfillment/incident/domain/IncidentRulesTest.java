package com.kingstonexpress.fulfillment.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final IncidentScope KENT = new IncidentScope(List.of("Kent"), List.of());

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of(KENT, NOW, null, List.of()),
                Arguments.of(new IncidentScope(List.of(), List.of("royal-parcel")), NOW, NOW.plus(Duration.ofHours(1)), List.of()),
                Arguments.of(new IncidentScope(null, Arrays.asList(" ", null)), NOW, null, List.of("scope")),
                Arguments.of(KENT, NOW, NOW, List.of("endsAt")),
                // Instants a timestamp column cannot hold are refused here, not by the database as a 500 (#12).
                Arguments.of(KENT, NOW, Instant.parse("+999999999-12-31T23:59:59Z"), List.of("endsAt")),
                Arguments.of(KENT, Instant.parse("-999999999-01-01T00:00:00Z"), NOW.plus(Duration.ofHours(1)), List.of("startsAt")),
                Arguments.of(KENT, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1)), List.of("endsAt")),
                Arguments.of(new IncidentScope(List.of(), List.of()), NOW, NOW.minus(Duration.ofHours(1)), List.of("scope", "endsAt")));
    }

    @ParameterizedTest
    @MethodSource
    void declarations(IncidentScope scope, Instant startsAt, Instant endsAt, List<String> invalidFields) {
        assertEquals(invalidFields, IncidentRules.check(scope, startsAt, endsAt, NOW).stream().map(IncidentRules.Violation::field).toList());
    }

    @Test
    void scopeNamesAreTrimmedAndListedOnce() {
        assertEquals(List.of("Kent", "Wales"), new IncidentScope(List.of(" Kent", "Kent ", "Wales"), null).regions());
    }

    @Test
    void phases() {
        Instant later = NOW.plus(Duration.ofHours(1));
        Instant earlier = NOW.minus(Duration.ofHours(1));
        assertEquals(IncidentPhase.ACTIVE, IncidentRules.phase(earlier, null, null, NOW));
        assertEquals(IncidentPhase.ACTIVE, IncidentRules.phase(NOW, later, null, NOW));
        assertEquals(IncidentPhase.SCHEDULED, IncidentRules.phase(later, null, null, NOW));
        assertEquals(IncidentPhase.ENDED, IncidentRules.phase(earlier.minus(Duration.ofHours(1)), earlier, null, NOW));
        assertEquals(IncidentPhase.RESOLVED, IncidentRules.phase(earlier, later, NOW, NOW));
    }
}
