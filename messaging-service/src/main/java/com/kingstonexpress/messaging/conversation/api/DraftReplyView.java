package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.kingstonexpress.messaging.conversation.application.DraftedReply;
import com.kingstonexpress.messaging.conversation.application.ReplyCheckResult;
import com.kingstonexpress.messaging.draft.domain.ReplyDraft;
import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;

/**
 * A reply drafted for the latest customer message, the facts it was built from, and its reply check (a
 * draft always passes it; the check is shown so the seller sees the same verdict after editing).
 */
public record DraftReplyView(String conversationId, String orderId, String inReplyToMessageId, String body, Parts parts, Facts basedOn,
        ReplyCheckResult check) {

    /** The sentences of the draft by purpose; null when the situation has none. */
    public record Parts(String statusMeaning, String latestUpdate, String estimate, String slowdown, String nextStep) {
    }

    /** The order's facts as messaging knows them from kx.orders.v1 and kx.platform.incidents.v1. */
    public record Facts(OrderType type, OrderStatus status, String shippingMethod, String carrier, String trackingNumber,
            String latestUpdate, OffsetDateTime latestUpdateAt, Set<AttentionFlag> attention, List<String> slowdownIncidentIds,
            List<String> customerEscalationSignals) {
    }

    static DraftReplyView of(DraftedReply drafted) {
        OrderProjection order = drafted.order();
        ReplyDraft draft = drafted.draft();
        return new DraftReplyView(drafted.conversationId(), order.orderId, drafted.question().messageId, draft.body(),
                new Parts(draft.statusMeaning(), draft.latestUpdate(), draft.estimate(), draft.slowdown(), draft.nextStep()),
                new Facts(order.type, order.status, order.shippingMethod, order.carrier, order.trackingNumber, order.latestUpdate,
                        order.latestUpdateAt == null ? null : order.latestUpdateAt.withOffsetSameInstant(ZoneOffset.UTC),
                        drafted.facts().attention(), drafted.slowdowns().stream().map(i -> i.incidentId).toList(),
                        drafted.question().escalationSignals()),
                drafted.check());
    }
}
