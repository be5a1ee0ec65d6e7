package com.kingstonexpress.support.ticket.domain;

/**
 * A rule's answer: allowed, or refused with a stable rule id, the reason in plain words and the next
 * sensible step. {@code agentOnly} marks refusals that are about the caller's role (a seller asking
 * for what only an agent may do) rather than about the ticket's state.
 */
public record Decision(boolean allowed, String ruleId, String reason, String hint, boolean agentOnly) {

    private static final Decision ALLOW = new Decision(true, null, null, null, false);

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision refuse(String ruleId, String reason, String hint) {
        return new Decision(false, ruleId, reason, hint, false);
    }

    public static Decision agentOnly(String ruleId, String reason, String hint) {
        return new Decision(false, ruleId, reason, hint, true);
    }
}
