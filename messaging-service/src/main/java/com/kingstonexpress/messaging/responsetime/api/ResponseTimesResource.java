package com.kingstonexpress.messaging.responsetime.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

/** A seller's response times, computed by PostgreSQL over the seller's conversations. */
@Path("/api/v1/messaging/response-times")
@Tag(name = "Messaging")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseTimesResource {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.SELLER)
    @Transactional
    @Operation(summary = "Time-to-first-reply percentiles, messages waiting, conversations awaiting a reply, the oldest waiting")
    public ResponseTimes responseTimes() {
        String sellerId = caller.sellerId();
        // percentile_disc is the nearest-rank percentile: always a time some customer really waited.
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(first_reply_seconds),
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY first_reply_seconds),
                       percentile_disc(0.9) WITHIN GROUP (ORDER BY first_reply_seconds),
                       percentile_disc(0.99) WITHIN GROUP (ORDER BY first_reply_seconds),
                       coalesce(sum(waiting_messages), 0),
                       count(*) FILTER (WHERE waiting_messages > 0)
                FROM conversation WHERE seller_id = ?1""").setParameter(1, sellerId).getSingleResult();
        long withFirstReply = number(totals[1]);
        ResponseTimes.Percentiles percentiles = withFirstReply == 0 ? null
                : new ResponseTimes.Percentiles(number(totals[2]), number(totals[3]), number(totals[4]));

        @SuppressWarnings("unchecked")
        List<Object[]> oldest = em.createNativeQuery("""
                SELECT conversation_id, order_id, awaiting_since FROM conversation
                WHERE seller_id = ?1 AND awaiting_since IS NOT NULL
                ORDER BY awaiting_since, conversation_id LIMIT 1""").setParameter(1, sellerId).getResultList();
        ResponseTimes.OldestWaiting oldestWaiting = oldest.isEmpty() ? null : oldestWaiting(oldest.get(0));
        return new ResponseTimes(sellerId, number(totals[0]), withFirstReply, percentiles, number(totals[5]), number(totals[6]),
                oldestWaiting);
    }

    private static ResponseTimes.OldestWaiting oldestWaiting(Object[] row) {
        OffsetDateTime since = time(row[2]);
        long age = Math.max(0, Duration.between(since, OffsetDateTime.now(ZoneOffset.UTC)).toSeconds());
        return new ResponseTimes.OldestWaiting((String) row[0], (String) row[1], since, age);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time type " + value.getClass().getName());
    }
}
