package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.fulfillment.tracking.domain.WebhookReceipt;
import com.kingstonexpress.platform.persistence.AdvisoryLocks;
import com.kingstonexpress.platform.security.WebhookSignature;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Signatures of webhook requests already accepted, each with a hash of its body and the answer it got. A signature
 * is only valid for the 5-minute window, so remembering it a little longer than that is enough to ingest each
 * signed request once and to answer its retries with the first answer.
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

    /**
     * What a delivery under one signature is: the first ({@link #receipt} is null, and this transaction must
     * {@link #keep} its answer), a retry of the same bytes ({@code receipt}: the first delivery's answer), or
     * refused ({@code refused}: the signature was used with other bytes, or before receipts were kept).
     */
    public record Use(boolean first, WebhookReceipt receipt) {

        public boolean refused() {
            return !first && receipt == null;
        }
    }

    /**
     * Claims {@code signature} for this transaction. A concurrent first use of it holds the row's key until it
     * commits, so this waits for it and then reads its answer (or, if it rolled back, goes first itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Use use(String signature, String bodySha256) {
        int inserted = em.createNativeQuery(
                "INSERT INTO webhook_signature (signature, body_sha256) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, signature)
                .setParameter(2, bodySha256)
                .executeUpdate();
        if (inserted == 1) {
            return new Use(true, null);
        }
        // Read committed: this statement sees the row the conflicting transaction committed.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT body_sha256, receipt_status, receipt_body FROM webhook_signature WHERE signature = ?1")
                .setParameter(1, signature)
                .getResultList();
        if (rows.isEmpty()) {
            // Pruned between the two statements: outside the window by now, so the verdict stands as a refusal.
            return new Use(false, null);
        }
        Object[] row = rows.get(0);
        if (!bodySha256.equals(row[0]) || row[1] == null || row[2] == null) {
            return new Use(false, null);
        }
        return new Use(false, new WebhookReceipt(((Number) row[1]).intValue(), (String) row[2]));
    }

    /** Stores the answer of the delivery that went first, in its transaction (before anyone can read the row). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(String signature, WebhookReceipt receipt) {
        em.createNativeQuery("UPDATE webhook_signature SET receipt_status = ?2, receipt_body = ?3 WHERE signature = ?1")
                .setParameter(1, signature)
                .setParameter(2, receipt.status())
                .setParameter(3, receipt.body())
                .executeUpdate();
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
