package com.kingstonexpress.order.incidents.persistence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The slowdowns every read asks about are kept in memory: how a change reaches that copy. */
@QuarkusTest
class SlowdownsTest {

    @Inject
    Slowdowns slowdowns;

    @Test
    void aChangeThisInstanceCommitsIsSeenByTheVeryNextRead() {
        isActive("none");
        String id = "slowdown-" + UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            declare(id);
            slowdowns.changing();
        });
        assertTrue(isActive(id), "declared");

        QuarkusTransaction.requiringNew().run(() -> {
            IncidentEntity.<IncidentEntity>findById(id).resolvedAt = Instant.now();
            slowdowns.changing();
        });
        assertFalse(isActive(id), "resolved");
    }

    @Test
    void aChangeAnotherInstanceCommitsIsSeenOnceTheCopyExpires() {
        isActive("none");
        String id = "slowdown-" + UUID.randomUUID();
        // Written as another instance's consumer would: this instance is not told.
        QuarkusTransaction.requiringNew().run(() -> declare(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> isActive(id));
    }

    private boolean isActive(String id) {
        return QuarkusTransaction.requiringNew().call(
                () -> slowdowns.active(Instant.now()).stream().anyMatch(s -> s.incidentId().equals(id)));
    }

    /** A slowdown over a region no order is delivered to, so that no other test's orders are covered. */
    private static void declare(String id) {
        IncidentEntity incident = new IncidentEntity();
        incident.incidentId = id;
        incident.regions = new String[] { "Nowhere-" + id };
        incident.carriers = new String[0];
        incident.startsAt = Instant.now().minus(1, ChronoUnit.HOURS);
        incident.persist();
    }
}
