package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.kingstonexpress.platform.persistence.AdvisoryLocks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Refused events are kept for support's investigations, not for ever (#12 L8): any signed sender can add up to 500
 * per batch. Rows older than {@code kx.fulfillment.rejected-events.keep-for} are deleted, a batch per transaction.
 */
@ApplicationScoped
public class RejectedEventRetention {

    private static final Logger LOG = Logger.getLogger(RejectedEventRetention.class);
    private static final int BATCH = 1000;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AdvisoryLocks locks;
    @ConfigProperty(name = "kx.fulfillment.rejected-events.keep-for", defaultValue = "P90D")
    Duration keepFor;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        // One instance at a time across the service; the batches below are safe together anyway (SKIP LOCKED).
        locks.runAlone("fulfillment-service.rejected-event-retention", () -> forgetReceivedBefore(clock.instant().minus(keepFor)));
    }

    /** Deletes the refused events received before {@code cutoff}; returns how many. Safe on several instances at once. */
    public int forgetReceivedBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    DELETE FROM rejected_event WHERE id IN (
                        SELECT id FROM rejected_event WHERE received_at < ?1 ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                    .setParameter(1, cutoff)
                    .setParameter(2, BATCH)
                    .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("forgot %d refused events received before %s", total, cutoff);
        }
        return total;
    }
}
