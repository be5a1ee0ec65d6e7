package com.kingstonexpress.messaging.draft.domain;

/**
 * A reply the seller can send as it is or edit: the whole text, and the parts it was built from so a
 * frontend can show why it says what it says.
 *
 * @param estimate the typical window, worded as an estimate; null when there is none to give
 * @param nextStep what happens next, or what the customer could do; null when nothing is needed
 */
public record ReplyDraft(String body, String statusMeaning, String latestUpdate, String estimate, String slowdown, String nextStep) {
}
