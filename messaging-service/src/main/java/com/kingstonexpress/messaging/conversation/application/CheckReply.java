package com.kingstonexpress.messaging.conversation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.messaging.conversation.persistence.ConversationQueries;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.platform.problem.ProblemException;

/** Checks a reply on one of the seller's conversations without sending or storing anything. */
@ApplicationScoped
public class CheckReply {

    @Inject
    ConversationQueries conversations;
    @Inject
    ReplyChecker checker;
    @Inject
    ReplyFindingsCount findingsCount;

    @Transactional
    public ReplyCheckResult check(String sellerId, String conversationId, String body) {
        conversations.ofSeller(sellerId, conversationId, false)
                .orElseThrow(() -> ProblemException.notFound("Conversation", conversationId));
        var findings = checker.check(body);
        findingsCount.count(findings, "check");
        return ReplyCheckResult.of(findings);
    }
}
