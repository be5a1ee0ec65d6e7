package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.platform.persistence.AdvisoryLocks;
import com.kingstonexpress.platform.security.WebhookSignature;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Signatures of webhook requests already accepted. A signature is only valid for the 5-minute window, so
 * remembering it a little longer than that is enough to accept each signed request once.
 */
@ApplicationScoped
public class WebhookSignatures {

    private static final Logger LOG = Logger.getLogger(WebhookSignatures.class);
    /** The window on both sides of our clock, plus a margin. */
    static final Duration KEPT_FOR = WebhookSignature.TOLERANCE.multipliedBy(2).plusMinutes(1);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AdvisoryLocks locks;

    /** @return false when this signature was used before (a replay); waits for a concurrent first use to commit */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstUse(String signature) {
        return em.createNativeQuery("INSERT INTO webhook_signature (signature) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, signature)
                .executeUpdate() == 1;
    }

    /** One instance at a time across the service (replicas would otherwise delete the same rows together). */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        int forgotten = locks.runAlone("fulfillment-service.webhook-signatures", () -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("DELETE FROM webhook_signature WHERE seen_at < ?1")
                .setParameter(1, clock.instant().minus(KEPT_FOR))
                .executeUpdate())).orElse(0);
        if (forgotten > 0) {
            LOG.debugf("forgot %d expired webhook signatures", forgotten);
        }
    }
}
