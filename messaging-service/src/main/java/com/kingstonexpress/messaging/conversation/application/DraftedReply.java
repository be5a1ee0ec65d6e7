package com.kingstonexpress.messaging.conversation.application;

import java.util.List;

import com.kingstonexpress.messaging.conversation.persistence.Message;
import com.kingstonexpress.messaging.draft.domain.OrderFacts;
import com.kingstonexpress.messaging.draft.domain.ReplyDraft;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;

/** A reply drafted for {@code question}, the facts it was built from and its reply check. */
public record DraftedReply(String conversationId, OrderProjection order, Message question, OrderFacts facts,
        List<PlatformIncident> slowdowns, ReplyDraft draft, ReplyCheckResult check) {
}
