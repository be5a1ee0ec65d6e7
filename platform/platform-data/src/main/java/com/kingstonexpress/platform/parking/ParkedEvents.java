package com.kingstonexpress.platform.parking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;
import org.jboss.logging.Logger;

import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.persistence.AfterCommit;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps events that name a fact this service does not know yet, and applies them once the fact arrives.
 *
 * <p>The protocol, with a transaction-scoped PostgreSQL advisory lock per fact key, so that an event and its
 * fact racing in either order end applied exactly once:
 * <ol>
 * <li>Whoever receives an event first {@link #lock locks} the key of the fact it names, then checks whether the
 * fact is known. Known: apply. Unknown: {@link #park} it, in the same transaction as whatever records the
 * receipt (inbox row, webhook receipt).</li>
 * <li>Whoever registers the fact locks the same key before writing it, and calls {@link #release} in the same
 * transaction: every event parked for the key is deleted and handed to its consumer's
 * {@link ParkedEventHandler#resume}, so it is applied (or parked again) exactly when the fact commits.</li>
 * </ol>
 * The lock is held until commit, so a check never sees "unknown" for a fact whose registration has already
 * looked for parked events. Several keys are locked in sorted order.
 *
 * <p>Events that wait longer than {@code kx.parking.expire-after} are {@link #expire expired}: the row stays, as
 * EXPIRED, and the handler records it where people look. Expiry claims rows with {@code FOR UPDATE SKIP LOCKED},
 * so any number of instances may run it; a release waiting on a row being expired then finds it gone.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    /** The advisory-lock namespace of fact keys (the two-int form, apart from the relay's single-bigint lock). */
    private static final int LOCK_SPACE = 0x6b78_7066; // "kxpf"
    /** The transaction's resource naming the fact keys it holds locked. */
    private static final String HELD_KEY = ParkedEvents.class.getName() + ".held";
    /** The transaction's resource naming locked fact keys found with nothing waiting ({@link #lockForRelease}). */
    private static final String NOTHING_WAITING_KEY = ParkedEvents.class.getName() + ".nothing-waiting";

    @Inject
    EntityManager em;
    @Inject
    ParkingConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    @Any
    Instance<ParkedEventHandler> handlers;

    /** Locks the fact {@code key} until the transaction ends. Reentrant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String key) {
        lock(List.of(key));
    }

    /**
     * Locks several fact keys until the transaction ends, in sorted order (no deadlock between two such calls), in one
     * statement; keys this transaction locked before are not locked again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<String> keys) {
        Set<String> held = transactionKeys(HELD_KEY);
        List<String> sorted = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            if (!held.contains(key)) {
                sorted.add(key);
            }
        }
        if (sorted.isEmpty()) {
            return;
        }
        // unnest yields the array in order and count() takes each lock as its row comes: the sorted order holds.
        // JDBC on the transaction's connection, without a flush (see parkingQuery).
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT count(pg_advisory_xact_lock(?, hashtext(k))) FROM unnest(?::text[]) AS k")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setArray(2, c.createArrayOf("text", sorted.toArray()));
                lock.executeQuery().close();
            }
        });
        held.addAll(sorted);
    }

    /**
     * Locks the fact keys, as {@link #lock(Collection)} does, then finds in one more statement which of them have
     * events waiting. For the rest of the transaction, releasing a key that had nothing waiting costs no statement,
     * and {@link #mayHaveWaiting} says so beforehand: a consumer registering a poll of facts then need not flush each
     * one for handlers that will not run, nor look for what waits for it.
     * <p>
     * Sound because {@link #park} takes the key's lock: while this transaction holds it, only this transaction can
     * park for the key (and parking here forgets what was found), and expiry only ever takes events away. The
     * statement runs after the locks are taken, so it sees every event parked before them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForRelease(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        lock(keys);
        Set<String> nothingWaiting = new HashSet<>(keys);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT DISTINCT awaiting FROM kx_parked_event WHERE awaiting = ANY(?::text[]) AND state = 'PARKED'")) {
                select.setArray(1, c.createArrayOf("text", nothingWaiting.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        nothingWaiting.remove(rs.getString(1));
                    }
                }
            }
        });
        transactionKeys(NOTHING_WAITING_KEY).addAll(nothingWaiting);
    }

    /**
     * False only when this transaction knows that nothing waits for {@code key}: it {@link #lockForRelease locked it
     * for release}, found nothing parked and parked nothing for it since. True otherwise, including when unknown.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayHaveWaiting(String key) {
        Set<String> nothingWaiting = transactionKeysIfAny(NOTHING_WAITING_KEY);
        return nothingWaiting == null || !nothingWaiting.contains(key);
    }

    /**
     * Keeps {@code eventId} of {@code consumer} until the fact {@code awaiting} is released. Call it after
     * {@link #lock locking} {@code awaiting} and finding the fact unknown, in the transaction that records the
     * event as received.
     *
     * @return true if it is parked now; false if it already waits (a duplicate: keep nothing more). An event that
     *         had expired is parked again, with a new expiry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean park(String consumer, String eventId, String awaiting, String payload, String reason) {
        lock(awaiting);
        Set<String> nothingWaiting = transactionKeysIfAny(NOTHING_WAITING_KEY);
        if (nothingWaiting != null) {
            nothingWaiting.remove(awaiting);
        }
        Instant now = Instant.now();
        boolean parked = parkingQuery("""
                INSERT INTO kx_parked_event (consumer, event_id, awaiting, payload, reason, parked_at, expires_at, state)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PARKED')
                ON CONFLICT (consumer, event_id) DO UPDATE SET awaiting = EXCLUDED.awaiting, payload = EXCLUDED.payload,
                    reason = EXCLUDED.reason, parked_at = EXCLUDED.parked_at, expires_at = EXCLUDED.expires_at,
                    state = 'PARKED', expired_at = NULL
                WHERE kx_parked_event.state = 'EXPIRED'""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, awaiting)
                .setParameter(4, payload)
                .setParameter(5, reason)
                .setParameter(6, Timestamp.from(now))
                .setParameter(7, Timestamp.from(now.plus(config.expireAfter())))
                .executeUpdate() == 1;
        if (parked) {
            countOnCommit(KxMetrics.EVENTS_PARKED, consumer);
        }
        return parked;
    }

    /**
     * The fact {@code awaiting} is now known (written in this transaction): every event waiting for it is removed
     * and applied by its consumer's handler, oldest first, in this transaction.
     *
     * @return how many were released
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(String awaiting) {
        if (!mayHaveWaiting(awaiting)) {
            return 0;
        }
        lock(awaiting);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = parkingQuery("""
                SELECT consumer, event_id, awaiting, payload, reason, parked_at, expires_at FROM kx_parked_event
                WHERE awaiting = ?1 AND state = 'PARKED' ORDER BY parked_at, event_id FOR UPDATE""")
                .setParameter(1, awaiting)
                .getResultList();
        List<ParkedEvent> released = rows.stream().map(ParkedEvents::parked).toList();
        resume(released);
        return released.size();
    }

    /** Hands released events to their consumers, oldest first as given, each deleted before it is applied. */
    private void resume(List<ParkedEvent> released) {
        for (ParkedEvent event : released) {
            // Deleted before it is applied: applying may park it again (under another key).
            parkingQuery("DELETE FROM kx_parked_event WHERE consumer = ?1 AND event_id = ?2")
                    .setParameter(1, event.consumer())
                    .setParameter(2, event.eventId())
                    .executeUpdate();
            handler(event.consumer()).resume(event);
        }
        if (!released.isEmpty()) {
            LOG.debugf("released %d event(s) parked for %s", released.size(), released.get(0).awaiting());
        }
    }

    /** Releases several facts, in sorted order; one statement finds what waits for any of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(Collection<String> keys) {
        List<String> awaiting = keys.stream().filter(this::mayHaveWaiting).toList();
        if (awaiting.isEmpty()) {
            return 0;
        }
        if (awaiting.size() == 1) {
            return release(awaiting.get(0));
        }
        lock(awaiting);
        List<ParkedEvent> waiting = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT consumer, event_id, awaiting, payload, reason, parked_at, expires_at FROM kx_parked_event
                    WHERE awaiting = ANY(?::text[]) AND state = 'PARKED' ORDER BY awaiting, parked_at, event_id FOR UPDATE""")) {
                select.setArray(1, c.createArrayOf("text", new TreeSet<>(awaiting).toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        waiting.add(new ParkedEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()));
                    }
                }
            }
        });
        resume(waiting);
        return waiting.size();
    }

    /**
     * One expiry pass at {@code now}, in its own transaction: up to {@code kx.parking.expiry-batch-size} events
     * whose time ran out become EXPIRED records, each handed to its handler's {@link ParkedEventHandler#expired}.
     * Rows another instance (or a release) holds are skipped, not waited for.
     *
     * @return how many expired
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expire(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = parkingQuery("""
                SELECT consumer, event_id, awaiting, payload, reason, parked_at, expires_at FROM kx_parked_event
                WHERE state = 'PARKED' AND expires_at <= ?1 ORDER BY expires_at, event_id LIMIT ?2
                FOR UPDATE SKIP LOCKED""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, config.expiryBatchSize())
                .getResultList();
        List<ParkedEvent> expired = new ArrayList<>();
        for (Object[] row : rows) {
            ParkedEvent event = parked(row);
            parkingQuery("""
                    UPDATE kx_parked_event SET state = 'EXPIRED', expired_at = ?3 WHERE consumer = ?1 AND event_id = ?2""")
                    .setParameter(1, event.consumer())
                    .setParameter(2, event.eventId())
                    .setParameter(3, Timestamp.from(now))
                    .executeUpdate();
            ParkedEventHandler handler = handlerFor(event.consumer());
            if (handler != null) {
                handler.expired(event);
            }
            countOnCommit(KxMetrics.EVENTS_PARKED_EXPIRED, event.consumer());
            expired.add(event);
        }
        if (!expired.isEmpty()) {
            LOG.infof("%d parked event(s) expired without the fact they wait for, e.g. %s (%s)", expired.size(),
                    expired.get(0).eventId(), expired.get(0).awaiting());
        }
        return expired.size();
    }

    /** How many events of {@code consumer} wait for {@code awaiting} (for checks and views). */
    @Transactional
    public long waiting(String consumer, String awaiting) {
        return ((Number) parkingQuery("""
                SELECT count(*) FROM kx_parked_event WHERE consumer = ?1 AND awaiting = ?2 AND state = 'PARKED'""")
                .setParameter(1, consumer)
                .setParameter(2, awaiting)
                .getSingleResult()).longValue();
    }

    /**
     * A statement on {@code kx_parked_event} (or an advisory lock), run without flushing the persistence context
     * first. No entity maps that table, so nothing pending can change what it reads; and Hibernate's automatic
     * flush before a native statement dirty-checks every managed entity. A center's webhook batch holds about a
     * thousand, and locks and releases a fact per order it hands over: that flush was most of the batch's CPU.
     * Callers that need their entities written for a handler to read flush explicitly before {@link #release}.
     */
    private Query parkingQuery(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("kx_parked_event")
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH);
    }

    /** A set of fact keys kept for the current transaction under {@code resource}, made on first use. */
    private Set<String> transactionKeys(String resource) {
        Set<String> keys = transactionKeysIfAny(resource);
        if (keys == null) {
            keys = new HashSet<>();
            transactions.putResource(resource, keys);
        }
        return keys;
    }

    /** The set of fact keys the current transaction keeps under {@code resource}, or null before its first use. */
    @SuppressWarnings("unchecked")
    private Set<String> transactionKeysIfAny(String resource) {
        return (Set<String>) transactions.getResource(resource);
    }

    /** Counts per consumer once the transaction commits: a rolled-back (and retried) attempt parks nothing. */
    private void countOnCommit(String meter, String consumer) {
        AfterCommit.run(transactions, () -> registry.counter(meter, "consumer", consumer).increment());
    }

    private ParkedEventHandler handler(String consumer) {
        ParkedEventHandler handler = handlerFor(consumer);
        if (handler == null) {
            // A deployment without the consumer's handler: fail the transaction rather than drop the event.
            throw new IllegalStateException("no ParkedEventHandler for consumer " + consumer);
        }
        return handler;
    }

    private ParkedEventHandler handlerFor(String consumer) {
        for (ParkedEventHandler handler : handlers) {
            if (handler.consumer().equals(consumer)) {
                return handler;
            }
        }
        return null;
    }

    private static ParkedEvent parked(Object[] row) {
        return new ParkedEvent((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                instant(row[5]), instant(row[6]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
