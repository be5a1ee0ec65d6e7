package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;

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
}
