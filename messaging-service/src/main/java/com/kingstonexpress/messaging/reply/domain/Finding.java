package com.kingstonexpress.messaging.reply.domain;

/**
 * One problem in a reply: which rule, the part of the reply it is about, why it matters and a rewording
 * the seller can use instead.
 */
public record Finding(ReplyRule rule, String excerpt, String reason, String suggestion) {

    public String ruleId() {
        return rule.name();
    }

    public Severity severity() {
        return rule.severity();
    }
}
