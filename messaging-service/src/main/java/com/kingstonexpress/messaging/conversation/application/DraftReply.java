package com.kingstonexpress.messaging.conversation.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.messaging.conversation.domain.AuthorKind;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.conversation.persistence.ConversationQueries;
import com.kingstonexpress.messaging.conversation.persistence.Message;
import com.kingstonexpress.messaging.draft.domain.OrderFacts;
import com.kingstonexpress.messaging.draft.domain.ReplyDraft;
import com.kingstonexpress.messaging.draft.domain.ReplyDrafter;
import com.kingstonexpress.messaging.incident.application.ActiveSlowdowns;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * Drafts a reply to the latest customer message from the order's facts. Stores and sends nothing. A conversation is
 * opened by a customer message, so one without any is an anomaly the seller is told about (409).
 */
@ApplicationScoped
public class DraftReply {

    @Inject
    ConversationQueries conversations;
    @Inject
    ActiveSlowdowns slowdowns;
    @Inject
    ReplyDrafter drafter;
    @Inject
    ReplyChecker checker;

    @Transactional
    public DraftedReply draft(String sellerId, String conversationId) {
        Conversation conversation = conversations.ofSeller(sellerId, conversationId, false)
                .orElseThrow(() -> ProblemException.notFound("Conversation", conversationId));
        Message question = null;
        for (Message m : Message.ofConversation(conversationId)) {
            if (m.authorKind == AuthorKind.CUSTOMER) {
                question = m;
            }
        }
        if (question == null) {
            throw ProblemException.conflict("no-customer-message", "Nothing to reply to", "Conversation " + conversationId
                    + " has no customer message yet; a draft answers the customer's latest message.");
        }
        OrderProjection order = OrderProjection.findById(conversation.orderId);
        List<PlatformIncident> covering = slowdowns.covering(order);
        OrderFacts facts = new OrderFacts(order.orderId, order.type, order.status, order.shippingMethod, order.carrier,
                order.trackingNumber, order.latestUpdate, order.latestUpdateAt, order.attention(),
                covering.stream().map(i -> i.customerNote).filter(n -> n != null && !n.isBlank()).toList(),
                !question.escalationSignals().isEmpty());
        ReplyDraft draft = drafter.draft(facts);
        return new DraftedReply(conversationId, order, question, facts, covering, draft, ReplyCheckResult.of(checker.check(draft.body())));
    }
}
