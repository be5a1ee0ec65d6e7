package com.kingstonexpress.messaging.responsetime.application;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.messaging.responsetime.persistence.ResponseTimeQueries;

/** How quickly a seller answers customers, now. */
@ApplicationScoped
public class MeasureResponseTimes {

    @Inject
    ResponseTimeQueries queries;
    @Inject
    Clock clock;

    @Transactional
    public ResponseTimes of(String sellerId) {
        ResponseTimeQueries.Totals totals = queries.totals(sellerId);
        ResponseTimes.Percentiles percentiles = totals.withFirstReply() == 0 ? null
                : new ResponseTimes.Percentiles(orZero(totals.p50()), orZero(totals.p90()), orZero(totals.p99()));
        ResponseTimes.OldestWaiting oldest = queries.oldestWaiting(sellerId)
                .map(w -> new ResponseTimes.OldestWaiting(w.conversationId(), w.orderId(), w.since(),
                        Math.max(0, Duration.between(w.since(), OffsetDateTime.now(clock)).toSeconds())))
                .orElse(null);
        return new ResponseTimes(sellerId, totals.conversations(), totals.withFirstReply(), percentiles, totals.messagesWaiting(),
                totals.conversationsAwaitingReply(), oldest);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
