package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.kingstonexpress.messaging.conversation.domain.AuthorKind;
import com.kingstonexpress.messaging.conversation.domain.ReplyTiming;
import com.kingstonexpress.messaging.conversation.events.CustomerMessageReceived;
import com.kingstonexpress.messaging.conversation.events.EscalationDetected;
import com.kingstonexpress.messaging.conversation.events.MessagingEventTypes;
import com.kingstonexpress.messaging.conversation.events.SellerReplied;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.conversation.persistence.Message;
import com.kingstonexpress.messaging.draft.domain.OrderFacts;
import com.kingstonexpress.messaging.draft.domain.ReplyDraft;
import com.kingstonexpress.messaging.draft.domain.ReplyDrafter;
import com.kingstonexpress.messaging.escalation.domain.Escalation;
import com.kingstonexpress.messaging.escalation.domain.EscalationDetector;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;
import com.kingstonexpress.messaging.reply.domain.Severity;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

/** The conversation use cases: customer messages in, seller replies out, and what sellers read. */
@ApplicationScoped
public class Conversations {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    ReplyChecker checker;
    @Inject
    ReplyDrafter drafter;
    @Inject
    EscalationDetector escalations;

    /**
     * Stores a customer message in its order's conversation (opening it on the first message),
     * announces it and hands it to support when it escalates. A retry with the same {@code messageId}
     * and content returns the stored message and changes nothing, so nothing is announced twice.
     */
    @Transactional
    public CustomerMessageView receiveCustomerMessage(CustomerMessageRequest request) {
        OrderProjection order = OrderProjection.findById(request.orderId());
        if (order == null) {
            throw ProblemException.notFound("Order", request.orderId());
        }
        if (!order.customerId.equals(request.customerId())) {
            throw new ProblemException(new Problem(422, "customer-not-on-order", "Customer does not match the order",
                    "Order " + request.orderId() + " was not placed by customer " + request.customerId() + "."));
        }
        OffsetDateTime now = now();
        Conversation conversation = openConversation(order, now);
        Message existing = Message.findById(request.messageId());
        if (existing != null) {
            if (sameMessage(existing, conversation, request)) {
                return customerView(existing, conversation);
            }
            throw new ProblemException(new Problem(422, "message-id-reused", "Message id already used",
                    "Message " + request.messageId() + " was already received with different content; a retry must repeat the original.")
                    .with("messageId", request.messageId()));
        }

        Message message = new Message();
        message.messageId = request.messageId();
        message.conversationId = conversation.conversationId;
        message.authorKind = AuthorKind.CUSTOMER;
        message.authorId = request.customerId();
        message.body = request.body();
        message.sentAt = now;
        conversation.customerMessageArrived(now);
        Escalation escalation = escalations.inspect(request.body(), conversation.waitingMessages);
        message.escalationSignals(escalation.signals().stream().map(Enum::name).toList());
        message.persist();

        outbox.append(MessagingEventTypes.TOPIC, MessagingEventTypes.CUSTOMER_MESSAGE_RECEIVED, order.orderId,
                new CustomerMessageReceived(order.orderId, conversation.conversationId, conversation.sellerId, conversation.customerId,
                        message.messageId, now, conversation.waitingMessages, conversation.awaitingSince));
        if (escalation.detected()) {
            outbox.append(MessagingEventTypes.TOPIC, MessagingEventTypes.ESCALATION_DETECTED, order.orderId,
                    new EscalationDetected(order.orderId, conversation.conversationId, conversation.sellerId, conversation.customerId,
                            message.messageId, message.escalationSignals(), escalation.excerpt(), conversation.waitingMessages, now));
        }
        return customerView(message, conversation);
    }

    /** Checks a reply without sending it. */
    @Transactional
    public ReplyCheckResult check(String sellerId, String conversationId, String body) {
        ownedBy(sellerId, conversationId, false);
        return preview(checker.check(body));
    }

    /**
     * Sends a seller reply if it passes the checks: no BLOCK finding, every WARN finding acknowledged
     * by its rule id. Otherwise 422 with the findings and nothing stored.
     */
    @Transactional
    public MessageView reply(String sellerId, String actorId, String conversationId, ReplyRequest request) {
        Set<ReplyRule> acknowledged = acknowledgeable(request.acknowledged());
        Conversation conversation = ownedBy(sellerId, conversationId, true);
        List<Finding> findings = checker.check(request.body());
        List<Finding> blocking = findings.stream().filter(f -> f.severity() == Severity.BLOCK).toList();
        Set<String> unacknowledged = findings.stream().filter(f -> f.severity() == Severity.WARN && !acknowledged.contains(f.rule()))
                .map(Finding::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!blocking.isEmpty() || !unacknowledged.isEmpty()) {
            String detail = blocking.isEmpty()
                    ? "The reply has warnings; acknowledge " + String.join(", ", unacknowledged) + " to send it anyway."
                    : "The reply breaks a rule that cannot be overridden (" + blocking.stream().map(Finding::ruleId).distinct()
                            .collect(Collectors.joining(", ")) + "); reword it.";
            throw new ProblemException(new Problem(422, "reply-not-sent", "Reply not sent", detail)
                    .with("findings", findings.stream().map(FindingView::of).toList())
                    .with("unacknowledgedWarnings", List.copyOf(unacknowledged)));
        }

        OffsetDateTime now = now();
        Message message = new Message();
        message.messageId = UUID.randomUUID().toString();
        message.conversationId = conversation.conversationId;
        message.authorKind = AuthorKind.SELLER;
        message.authorId = actorId;
        message.body = request.body().strip();
        message.sentAt = now;
        message.acknowledgedWarnings(findings.stream().map(Finding::ruleId).distinct().toList());
        message.persist();
        ReplyTiming timing = conversation.sellerReplied(now);
        outbox.append(MessagingEventTypes.TOPIC, MessagingEventTypes.SELLER_REPLIED, conversation.orderId,
                new SellerReplied(conversation.orderId, conversation.conversationId, conversation.sellerId, message.messageId,
                        timing.firstReply(), timing.responseSeconds(), now, message.acknowledgedWarnings()));
        return MessageView.of(message);
    }

    /**
     * Drafts a reply to the latest customer message from the order's facts. Stores and sends nothing. A
     * conversation is opened by a customer message, so one without any is an anomaly the seller is told about.
     */
    @Transactional
    public DraftReplyView draft(String sellerId, String conversationId) {
        Conversation conversation = ownedBy(sellerId, conversationId, false);
        List<Message> messages = Message.ofConversation(conversationId);
        Message question = null;
        for (Message m : messages) {
            if (m.authorKind == AuthorKind.CUSTOMER) {
                question = m;
            }
        }
        if (question == null) {
            throw new ProblemException(new Problem(409, "no-customer-message", "Nothing to reply to",
                    "Conversation " + conversationId + " has no customer message yet; a draft answers the customer's latest message."));
        }
        OrderProjection order = OrderProjection.findById(conversation.orderId);
        List<ConversationDetail.SlowdownNote> slowdowns = slowdownsCovering(order);
        OrderFacts facts = new OrderFacts(order.orderId, order.type, order.status, order.shippingMethod, order.carrier, order.trackingNumber,
                order.latestUpdate, order.latestUpdateAt, order.attention(),
                slowdowns.stream().map(ConversationDetail.SlowdownNote::customerNote).filter(n -> n != null && !n.isBlank()).toList(),
                !question.escalationSignals().isEmpty());
        ReplyDraft draft = drafter.draft(facts);
        return new DraftReplyView(conversationId, order.orderId, question.messageId, draft.body(),
                new DraftReplyView.Parts(draft.statusMeaning(), draft.latestUpdate(), draft.estimate(), draft.slowdown(), draft.nextStep()),
                new DraftReplyView.Facts(order.type, order.status, order.shippingMethod, order.carrier, order.trackingNumber, order.latestUpdate,
                        order.latestUpdateAt == null ? null : order.latestUpdateAt.withOffsetSameInstant(ZoneOffset.UTC), facts.attention(),
                        slowdowns.stream().map(ConversationDetail.SlowdownNote::incidentId).toList(), question.escalationSignals()),
                preview(checker.check(draft.body())));
    }

    @Transactional
    public ConversationDetail detail(String conversationId, Predicate<Conversation> mayRead) {
        Conversation conversation = Conversation.findById(conversationId);
        if (conversation == null || !mayRead.test(conversation)) {
            throw ProblemException.notFound("Conversation", conversationId);
        }
        OrderProjection order = OrderProjection.findById(conversation.orderId);
        List<MessageView> messages = Message.ofConversation(conversationId).stream().map(MessageView::of).toList();
        return ConversationDetail.of(conversation, OrderContext.of(order), messages, slowdownsCovering(order));
    }

    @Transactional
    public MessageView message(String conversationId, String messageId, Predicate<Conversation> mayRead) {
        Conversation conversation = Conversation.findById(conversationId);
        Message message = Message.findById(messageId);
        if (conversation == null || !mayRead.test(conversation) || message == null || !message.conversationId.equals(conversationId)) {
            throw ProblemException.notFound("Message", messageId);
        }
        return MessageView.of(message);
    }

    /** A seller's conversations, newest first (by when they were opened, which never changes, so pages never shift). */
    @Transactional
    public Page<ConversationSummary> list(String sellerId, String orderId, Boolean awaitingReply, String cursor, int limit) {
        StringBuilder jpql = new StringBuilder("from Conversation c where c.sellerId = :seller");
        Map<String, Object> params = new HashMap<>();
        params.put("seller", sellerId);
        if (orderId != null) {
            jpql.append(" and c.orderId = :order");
            params.put("order", orderId);
        }
        if (awaitingReply != null) {
            jpql.append(awaitingReply ? " and c.waitingMessages > 0" : " and c.waitingMessages = 0");
        }
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            jpql.append(" and (c.openedAt < :openedAt or (c.openedAt = :openedAt and c.conversationId < :id))");
            params.put("openedAt", parseCursorTime(after.get(0)));
            params.put("id", after.get(1));
        }
        jpql.append(" order by c.openedAt desc, c.conversationId desc");
        TypedQuery<Conversation> query = em.createQuery(jpql.toString(), Conversation.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<Conversation> found = new ArrayList<>(query.getResultList());
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Conversation last = found.get(limit - 1);
            next = Cursors.encode(last.openedAt.toString(), last.conversationId);
        }
        Map<String, OrderProjection> orders = found.isEmpty() ? Map.of()
                : OrderProjection.<OrderProjection>list("orderId in ?1", found.stream().map(c -> c.orderId).toList()).stream()
                        .collect(Collectors.toMap(o -> o.orderId, o -> o));
        return new Page<>(found.stream().map(c -> ConversationSummary.of(c, OrderContext.of(orders.get(c.orderId)))).toList(), next);
    }

    private Conversation openConversation(OrderProjection order, OffsetDateTime now) {
        // One conversation per order: concurrent first messages meet on the unique order_id, and the row
        // lock serialises every write to the conversation (counters, duplicate message ids).
        em.createNativeQuery("""
                INSERT INTO conversation (conversation_id, order_id, seller_id, customer_id, opened_at, last_message_at,
                                          first_customer_message_at, waiting_messages, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, 0, 0) ON CONFLICT (order_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, order.orderId).setParameter(3, order.sellerId)
                .setParameter(4, order.customerId).setParameter(5, now).executeUpdate();
        return em.createQuery("from Conversation c where c.orderId = :order", Conversation.class).setParameter("order", order.orderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    private Conversation ownedBy(String sellerId, String conversationId, boolean forUpdate) {
        Conversation conversation = forUpdate ? Conversation.findById(conversationId, LockModeType.PESSIMISTIC_WRITE)
                : Conversation.findById(conversationId);
        if (conversation == null || !conversation.sellerId.equals(sellerId)) {
            throw ProblemException.notFound("Conversation", conversationId);
        }
        return conversation;
    }

    private static ReplyCheckResult preview(List<Finding> findings) {
        boolean sendable = findings.stream().noneMatch(f -> f.severity() == Severity.BLOCK);
        List<String> toAcknowledge = findings.stream().filter(f -> f.severity() == Severity.WARN).map(Finding::ruleId).distinct().toList();
        return new ReplyCheckResult(findings.stream().map(FindingView::of).toList(), sendable, toAcknowledge);
    }

    /** Only warnings can be acknowledged; a blocking rule id or an unknown one is bad input. */
    private static Set<ReplyRule> acknowledgeable(List<String> ruleIds) {
        Set<ReplyRule> rules = new LinkedHashSet<>();
        List<Map<String, String>> violations = new ArrayList<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            String id = ruleIds.get(i);
            ReplyRule rule = ruleOf(id);
            if (rule == null || !rule.overridable()) {
                violations.add(Map.of("field", "acknowledgedWarnings[" + i + "]", "message", rule == null
                        ? "unknown rule id " + id
                        : id + " blocks the reply and cannot be acknowledged"));
            } else {
                rules.add(rule);
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem(400, "validation", "Invalid request",
                    "Only warning rule ids (" + warningRuleIds() + ") can be acknowledged.").with("violations", violations));
        }
        return rules;
    }

    private static ReplyRule ruleOf(String id) {
        for (ReplyRule rule : ReplyRule.values()) {
            if (rule.name().equals(id)) {
                return rule;
            }
        }
        return null;
    }

    private static String warningRuleIds() {
        return java.util.Arrays.stream(ReplyRule.values()).filter(ReplyRule::overridable).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static boolean sameMessage(Message existing, Conversation conversation, CustomerMessageRequest request) {
        return existing.authorKind == AuthorKind.CUSTOMER && existing.conversationId.equals(conversation.conversationId)
                && existing.authorId.equals(request.customerId()) && existing.body.equals(request.body());
    }

    private static CustomerMessageView customerView(Message m, Conversation c) {
        return new CustomerMessageView(m.messageId, c.conversationId, c.orderId, m.authorId, m.body, m.sentAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static List<ConversationDetail.SlowdownNote> slowdownsCovering(OrderProjection order) {
        OffsetDateTime now = now();
        return PlatformIncident.unresolved().stream()
                .filter(i -> i.activeAt(now) && i.scope().covers(order.country, order.region, order.carrier))
                .map(i -> new ConversationDetail.SlowdownNote(i.incidentId, i.customerNote, i.startsAt, i.endsAt)).toList();
    }

    private static OffsetDateTime parseCursorTime(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The cursor is not valid; start again without one.");
        }
    }

    /** Microseconds, as PostgreSQL keeps them, so a replayed answer is identical to the first. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
