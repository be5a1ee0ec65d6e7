package com.kingstonexpress.messaging.conversation.application;

import java.util.List;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.Severity;

/**
 * The preview of a reply: its findings, whether it can be sent at all (no BLOCK finding) and which
 * warnings would need acknowledging.
 */
public record ReplyCheckResult(List<FindingView> findings, boolean sendable, List<String> warningsToAcknowledge) {

    static ReplyCheckResult of(List<Finding> findings) {
        boolean sendable = findings.stream().noneMatch(f -> f.severity() == Severity.BLOCK);
        List<String> toAcknowledge = findings.stream().filter(f -> f.severity() == Severity.WARN).map(Finding::ruleId).distinct()
                .toList();
        return new ReplyCheckResult(findings.stream().map(FindingView::of).toList(), sendable, toAcknowledge);
    }
}
