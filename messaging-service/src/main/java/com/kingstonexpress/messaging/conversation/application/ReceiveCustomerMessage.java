package com.kingstonexpress.messaging.conversation.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.messaging.conversation.domain.AuthorKind;
import com.kingstonexpress.messaging.conversation.events.CustomerMessageReceived;
import com.kingstonexpress.messaging.conversation.events.EscalationDetected;
import com.kingstonexpress.messaging.conversation.events.MessagingEventTypes;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.conversation.persistence.ConversationQueries;
import com.kingstonexpress.messaging.conversation.persistence.Message;
import com.kingstonexpress.messaging.escalation.domain.Escalation;
import com.kingstonexpress.messaging.escalation.domain.EscalationDetector;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * Stores a customer message in its order's conversation (opening it on the first message), announces it and
 * hands it to support when it escalates. A retry with the same {@code messageId} and content returns the stored
 * message and changes nothing, so nothing is announced twice.
 */
@ApplicationScoped
public class ReceiveCustomerMessage {

    private static final Logger LOG = Logger.getLogger(ReceiveCustomerMessage.class);

    @Inject
    ConversationQueries conversations;
    @Inject
    EscalationDetector escalations;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Transactional
    public ReceivedMessage receive(CustomerMessage command) {
        OrderProjection order = OrderProjection.findById(command.orderId());
        if (order == null) {
            throw ProblemException.notFound("Order", command.orderId());
        }
        if (!order.customerId.equals(command.customerId())) {
            throw ProblemException.unprocessable("customer-not-on-order", "Customer does not match the order",
                    "Order " + command.orderId() + " was not placed by customer " + command.customerId() + ".");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ConversationQueries.Opened opened = conversations.openLocked(order, now);
        Conversation conversation = opened.conversation();
        if (opened.isNew()) {
            LOG.infof("conversation %s opened for order %s", conversation.conversationId, order.orderId);
        }
        Message existing = Message.findById(command.messageId());
        if (existing != null) {
            if (sameMessage(existing, conversation, command)) {
                return new ReceivedMessage(existing, conversation);
            }
            throw ProblemException.unprocessable("message-id-reused", "Message id already used", "Message " + command.messageId()
                    + " was already received with different content; a retry must repeat the original.")
                    .with("messageId", command.messageId());
        }

        Message message = new Message();
        message.messageId = command.messageId();
        message.conversationId = conversation.conversationId;
        message.authorKind = AuthorKind.CUSTOMER;
        message.authorId = command.customerId();
        message.body = command.body();
        message.sentAt = now;
        conversation.customerMessageArrived(now);
        Escalation escalation = escalations.inspect(command.body(), conversation.waitingMessages);
        message.escalationSignals(escalation.signals().stream().map(Enum::name).toList());
        message.persist();
        LOG.infof("customer message %s received on conversation %s (%d waiting)", message.messageId, conversation.conversationId,
                conversation.waitingMessages);

        outbox.append(MessagingEventTypes.TOPIC, order.orderId, new CustomerMessageReceived(order.orderId, conversation.conversationId,
                conversation.sellerId, conversation.customerId, message.messageId, now, conversation.waitingMessages,
                conversation.awaitingSince));
        if (escalation.detected()) {
            LOG.infof("conversation %s escalated to support on message %s: %s", conversation.conversationId, message.messageId,
                    message.escalationSignals());
            outbox.append(MessagingEventTypes.TOPIC, order.orderId, new EscalationDetected(order.orderId, conversation.conversationId,
                    conversation.sellerId, conversation.customerId, message.messageId, message.escalationSignals(), escalation.excerpt(),
                    conversation.waitingMessages, now));
        }
        return new ReceivedMessage(message, conversation);
    }

    private static boolean sameMessage(Message existing, Conversation conversation, CustomerMessage command) {
        return existing.authorKind == AuthorKind.CUSTOMER && existing.conversationId.equals(conversation.conversationId)
                && existing.authorId.equals(command.customerId()) && existing.body.equals(command.body());
    }
}
