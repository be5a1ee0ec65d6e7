package com.kingstonexpress.messaging.conversation.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.conversation.persistence.ConversationQueries;
import com.kingstonexpress.messaging.conversation.persistence.Message;
import com.kingstonexpress.messaging.incident.application.ActiveSlowdowns;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

/** What sellers (and support agents, for an escalation) read: a conversation, one message, a seller's list. */
@ApplicationScoped
public class ConversationReads {

    /** A conversation with its messages (oldest first), its order and the slowdowns covering the order now. */
    public record Detail(Conversation conversation, OrderProjection order, List<Message> messages, List<PlatformIncident> slowdowns) {
    }

    /** A conversation in a seller's list, with its order. */
    public record Listed(Conversation conversation, OrderProjection order) {
    }

    @Inject
    ConversationQueries conversations;
    @Inject
    ActiveSlowdowns slowdowns;

    @Transactional
    public Detail conversation(String conversationId, Predicate<Conversation> mayRead) {
        Conversation conversation = Conversation.findById(conversationId);
        if (conversation == null || !mayRead.test(conversation)) {
            throw ProblemException.notFound("Conversation", conversationId);
        }
        OrderProjection order = OrderProjection.findById(conversation.orderId);
        return new Detail(conversation, order, Message.ofConversation(conversationId), slowdowns.covering(order));
    }

    @Transactional
    public Message message(String conversationId, String messageId, Predicate<Conversation> mayRead) {
        Conversation conversation = Conversation.findById(conversationId);
        Message message = Message.findById(messageId);
        if (conversation == null || !mayRead.test(conversation) || message == null || !message.conversationId.equals(conversationId)) {
            throw ProblemException.notFound("Message", messageId);
        }
        return message;
    }

    /** A seller's conversations, newest first by when they were opened (which never changes, so pages never shift). */
    @Transactional
    public Page<Listed> list(ListConversations query) {
        ConversationQueries.After after = Cursors.decode(query.cursor(), 2,
                parts -> new ConversationQueries.After(OffsetDateTime.parse(parts.get(0)), parts.get(1)));
        Page<Conversation> page = Page.keyset(
                conversations.ofSeller(query.sellerId(), query.orderId(), query.awaitingReply(), after, query.limit() + 1),
                query.limit(), c -> Cursors.encode(c.openedAt.toString(), c.conversationId));
        Map<String, OrderProjection> orders = page.items().isEmpty() ? Map.of()
                : OrderProjection.withIds(page.items().stream().map(c -> c.orderId).toList()).stream()
                        .collect(Collectors.toMap(o -> o.orderId, Function.identity()));
        return page.map(c -> new Listed(c, orders.get(c.orderId)));
    }
}
