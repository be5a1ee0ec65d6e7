package com.kingstonexpress.support.ticket.domain;

/** @param ruleId stable id of the advice rule that matched, for clients that want to branch on it */
public record Advice(Recommendation recommendation, String ruleId, String reason) {
}
