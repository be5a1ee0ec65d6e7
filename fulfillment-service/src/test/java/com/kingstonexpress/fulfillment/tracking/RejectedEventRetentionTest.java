package com.kingstonexpress.fulfillment.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.fulfillment.tracking.persistence.RejectedEventRetention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** #12 L8: refused events do not pile up for ever. */
@QuarkusTest
class RejectedEventRetentionTest {

    @Inject
    RejectedEventRetention retention;
    @Inject
    EntityManager em;
    @Inject
    Tables tables;

    @Test
    void refusedEventsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String run = UUID.randomUUID().toString();
        // Long ago, so that the refusals other tests keep (received now) are newer than any cutoff used here.
        Instant now = Instant.parse("2001-01-01T00:00:00Z");
        for (int i = 0; i < 1005; i++) {
            insert(run, "old-" + i, now.minus(91, ChronoUnit.DAYS));
        }
        insert(run, "recent", now.minus(89, ChronoUnit.DAYS));

        assertEquals(1005, retention.forgetReceivedBefore(now.minus(90, ChronoUnit.DAYS)), "two batches, every old one");
        assertEquals(0, tables.count("rejected_event WHERE source_id = ?1 AND event_id LIKE 'old-%'", run));
        assertEquals(1, tables.count("rejected_event WHERE source_id = ?1 AND event_id = 'recent'", run));
    }

    private void insert(String sourceId, String eventId, Instant receivedAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO rejected_event (source, source_id, event_id, event_type, occurred_at, reason_code, reason, event, received_at)
                VALUES ('CARRIER', ?1, ?2, 'DELIVERED', ?3, 'UNKNOWN_EVENT_TYPE', 'test', '{}', ?3)""")
                .setParameter(1, sourceId).setParameter(2, eventId).setParameter(3, receivedAt).executeUpdate());
    }
}
