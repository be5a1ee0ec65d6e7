package com.kingstonexpress.messaging.conversation.api;

import java.util.List;

/**
 * The preview of a reply: its findings, whether it can be sent at all (no BLOCK finding) and which
 * warnings would need acknowledging.
 */
public record ReplyCheckResult(List<FindingView> findings, boolean sendable, List<String> warningsToAcknowledge) {
}
