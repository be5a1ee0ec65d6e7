package com.kingstonexpress.messaging.escalation.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.kingstonexpress.messaging.language.domain.Phrasing;
import com.kingstonexpress.messaging.language.domain.Sentences;
import com.kingstonexpress.messaging.language.domain.ToneLexicon;

/**
 * Reads a customer message for escalation: threats of a dispute, a chargeback, a bad review or legal
 * action, aggressive language, and messages piling up without a reply. "Good communication reduces
 * complaints, prevents disputes, protects ratings": these are the customers support should reach first.
 *
 * <p>An escalation is raised for a message that carries a threat or aggressive language, and for the
 * message that makes the unanswered streak reach the threshold (not for every message after it, so
 * support gets one hand-over per streak, not a flood).
 */
public final class EscalationDetector {

    private static final int EXCERPT_LENGTH = 200;

    private static final Map<EscalationSignal, Pattern> THREATS = Map.of(
            EscalationSignal.DISPUTE_THREAT, Pattern.compile("\\b(dispute|a-to-z|a to z claim|(open|file|raise|start|make) (a )?(claim|case|complaint)"
                    + "|report (you|this|the seller) to (kingston|the platform|the marketplace)|escalate (this|it) to kingston"
                    + "|formal complaint|buyer protection)\\b"),
            EscalationSignal.CHARGEBACK_THREAT, Pattern.compile("\\b(charge ?back|(contact|call|ring|phone|go to|tell) my (bank|card (issuer|company))"
                    + "|credit card company|reverse the (charge|payment|transaction)|paypal (claim|dispute)|cancel the payment|stop the payment)\\b"),
            EscalationSignal.BAD_REVIEW_THREAT, Pattern.compile("\\b((leave|leaving|give|giving|post|posting|write|writing)( you)? (a |an )?"
                    + "(bad|negative|poor|terrible|awful|horrible|scathing|honest|1[- ]star|one[- ]star|1 star|zero[- ]star) (review|feedback|rating)"
                    + "|(1|one|zero|0)[- ]star|negative feedback|bad review|trustpilot|warn (other|everyone|people)|tell everyone"
                    + "|(all over|on) (social media|facebook|twitter|instagram|tiktok|reddit))\\b"),
            EscalationSignal.LEGAL_THREAT, Pattern.compile("\\b(lawyers?|solicitors?|attorneys?|sue (you|the|your|kingston|this|them)|(will|going to|to) sue|suing|legal action|legal proceedings"
                    + "|small claims|court|trading standards|consumer (rights|protection)|ombudsman|police|report (you|this) for fraud)\\b"));

    private final int unansweredThreshold;

    /** @param unansweredThreshold how many customer messages in a row without a seller reply hand the conversation to support */
    public EscalationDetector(int unansweredThreshold) {
        if (unansweredThreshold < 2) {
            throw new IllegalArgumentException("the unanswered threshold must be at least 2");
        }
        this.unansweredThreshold = unansweredThreshold;
    }

    /**
     * @param message            the customer's message
     * @param unansweredInARow   customer messages waiting for a reply, this one included
     */
    public Escalation inspect(String message, int unansweredInARow) {
        Set<EscalationSignal> signals = EnumSet.noneOf(EscalationSignal.class);
        String excerpt = null;
        List<String> sentences = Sentences.of(message == null ? "" : message);
        for (String sentence : sentences) {
            String normalized = Phrasing.normalize(sentence);
            boolean signalled = false;
            for (Map.Entry<EscalationSignal, Pattern> threat : THREATS.entrySet()) {
                if (threat.getValue().matcher(normalized).find()) {
                    signals.add(threat.getKey());
                    signalled = true;
                }
            }
            if (ToneLexicon.inspect(sentence, normalized).isPresent()) {
                signals.add(EscalationSignal.AGGRESSIVE_LANGUAGE);
                signalled = true;
            }
            if (signalled && excerpt == null) {
                excerpt = Phrasing.excerpt(sentence, EXCERPT_LENGTH);
            }
        }
        boolean contentSignals = !signals.isEmpty();
        if (unansweredInARow >= unansweredThreshold && (contentSignals || unansweredInARow == unansweredThreshold)) {
            signals.add(EscalationSignal.REPEATED_UNANSWERED);
        }
        if (signals.isEmpty()) {
            return new Escalation(Set.of(), null);
        }
        if (excerpt == null) {
            excerpt = Phrasing.excerpt(message.strip(), EXCERPT_LENGTH);
        }
        return new Escalation(Set.copyOf(signals), excerpt);
    }
}
