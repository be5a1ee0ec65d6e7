package com.kingstonexpress.messaging.conversation.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.messaging.conversation.domain.AuthorKind;
import com.kingstonexpress.messaging.conversation.domain.ReplyTiming;
import com.kingstonexpress.messaging.conversation.events.MessagingEventTypes;
import com.kingstonexpress.messaging.conversation.events.SellerReplied;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.conversation.persistence.ConversationQueries;
import com.kingstonexpress.messaging.conversation.persistence.Message;
import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;
import com.kingstonexpress.messaging.reply.domain.Severity;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * Sends a seller reply if it passes the checks: no BLOCK finding, every WARN finding acknowledged by its rule id.
 * Otherwise a 422 {@code reply-not-sent} with the findings, and nothing is stored.
 */
@ApplicationScoped
public class SendSellerReply {

    private static final Logger LOG = Logger.getLogger(SendSellerReply.class);

    @Inject
    ConversationQueries conversations;
    @Inject
    ReplyChecker checker;
    @Inject
    ReplyFindingsCount findingsCount;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Transactional
    public Message send(SellerReply command) {
        Set<ReplyRule> acknowledged = AcknowledgedWarnings.read(command.acknowledgedWarnings());
        Conversation conversation = conversations.ofSeller(command.sellerId(), command.conversationId(), true)
                .orElseThrow(() -> ProblemException.notFound("Conversation", command.conversationId()));
        List<Finding> findings = checker.check(command.body());
        findingsCount.count(findings, "send");
        List<String> blocking = findings.stream().filter(f -> f.severity() == Severity.BLOCK).map(Finding::ruleId).distinct().toList();
        Set<String> unacknowledged = findings.stream().filter(f -> f.severity() == Severity.WARN && !acknowledged.contains(f.rule()))
                .map(Finding::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!blocking.isEmpty() || !unacknowledged.isEmpty()) {
            throw refused(conversation, findings, blocking, unacknowledged);
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        Message message = new Message();
        message.messageId = UUID.randomUUID().toString();
        message.conversationId = conversation.conversationId;
        message.authorKind = AuthorKind.SELLER;
        message.authorId = command.actorId();
        message.body = command.body().strip();
        message.sentAt = now;
        message.acknowledgedWarnings(findings.stream().map(Finding::ruleId).distinct().toList());
        message.persist();
        ReplyTiming timing = conversation.sellerReplied(now);
        LOG.infof("reply %s sent on conversation %s by %s (acknowledged %s)", message.messageId, conversation.conversationId,
                command.actorId(), message.acknowledgedWarnings());
        outbox.append(MessagingEventTypes.TOPIC, conversation.orderId, new SellerReplied(conversation.orderId,
                conversation.conversationId, conversation.sellerId, message.messageId, timing.firstReply(), timing.responseSeconds(),
                now, message.acknowledgedWarnings()));
        return message;
    }

    private static ProblemException refused(Conversation conversation, List<Finding> findings, List<String> blocking,
            Set<String> unacknowledged) {
        String detail = blocking.isEmpty()
                ? "The reply has warnings; acknowledge " + String.join(", ", unacknowledged) + " to send it anyway."
                : "The reply breaks a rule that cannot be overridden (" + String.join(", ", blocking) + "); reword it.";
        LOG.infof("reply refused on conversation %s: blocking %s, unacknowledged %s", conversation.conversationId, blocking,
                unacknowledged);
        return ProblemException.unprocessable("reply-not-sent", "Reply not sent", detail)
                .with("findings", findings.stream().map(FindingView::of).toList())
                .with("unacknowledgedWarnings", List.copyOf(unacknowledged));
    }
}
