package com.kingstonexpress.messaging.reply.domain;

/**
 * The checks a seller's reply passes before it reaches the customer, each tied to the line of the seller
 * guide ("Step 5: Communicating With Customers") it enforces. The names are the stable rule ids.
 */
public enum ReplyRule {

    MSG_EMPTY(Severity.BLOCK, "Respond within reasonable time",
            "The reply has no words in it; the customer would receive an empty message."),
    MSG_TOO_LONG(Severity.BLOCK, "Be polite and factual",
            "The reply is longer than " + ReplyChecker.MAX_LENGTH + " characters; customers need the status and the next step, not an essay."),
    MSG_GUARANTEED_DATE(Severity.BLOCK, "Never promise guaranteed delivery dates",
            "This promises delivery on a date nobody can guarantee; if it slips, the customer has a broken promise to dispute."),
    MSG_BLAME(Severity.WARN, "Avoid blaming couriers or customers",
            "This puts the fault on the courier or the customer; it reads as an excuse and escalates complaints."),
    MSG_TONE(Severity.WARN, "Be polite and factual",
            "The tone is not polite: shouting, insults or profanity damage the rating more than any delay.");

    private final Severity severity;
    private final String guideLine;
    private final String reason;

    ReplyRule(Severity severity, String guideLine, String reason) {
        this.severity = severity;
        this.guideLine = guideLine;
        this.reason = reason;
    }

    public Severity severity() {
        return severity;
    }

    /** The seller-guide line, word for word. */
    public String guideLine() {
        return guideLine;
    }

    /** Why a finding of this rule matters, quoting the guide line. */
    public String reason() {
        return "Seller guide: \"" + guideLine + ".\" " + reason;
    }

    public boolean overridable() {
        return severity == Severity.WARN;
    }
}
