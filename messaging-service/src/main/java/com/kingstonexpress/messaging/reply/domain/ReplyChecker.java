package com.kingstonexpress.messaging.reply.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.kingstonexpress.messaging.language.domain.Phrasing;
import com.kingstonexpress.messaging.language.domain.EnglishText;
import com.kingstonexpress.messaging.language.domain.ToneLexicon;

/**
 * Checks a seller's reply before it is sent, sentence by sentence, against the seller guide's
 * communication practices. Pure: no state, no framework; the same reply always gets the same findings.
 */
public final class ReplyChecker {

    /** "length and content limits (e.g. 2,000 characters, no empty message)" (docs/design/DOMAIN.md). */
    public static final int MAX_LENGTH = 2000;
    private static final int EXCERPT_LENGTH = 160;

    public List<Finding> check(String reply) {
        List<Finding> findings = new ArrayList<>();
        String text = reply == null ? "" : reply.strip();
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            findings.add(new Finding(ReplyRule.MSG_EMPTY, text, ReplyRule.MSG_EMPTY.reason(),
                    "Write a short answer: the order's status and what happens next."));
            return findings;
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            findings.add(new Finding(ReplyRule.MSG_TOO_LONG, Phrasing.excerpt(text, EXCERPT_LENGTH),
                    ReplyRule.MSG_TOO_LONG.reason() + " This reply has " + length + ".",
                    "Cut it to " + MAX_LENGTH + " characters or fewer: the status, the next step and when you will update the customer."));
        }
        List<EnglishText.Sentence> sentences = EnglishText.sentences(text);
        for (GuaranteedDates.Promise promise : GuaranteedDates.find(sentences)) {
            findings.add(new Finding(ReplyRule.MSG_GUARANTEED_DATE, Phrasing.excerpt(promise.sentence(), EXCERPT_LENGTH),
                    ReplyRule.MSG_GUARANTEED_DATE.reason(),
                    "Share the estimate and where it comes from instead of a promise, e.g. \"Tracking currently estimates delivery "
                            + promise.date() + "; we can't guarantee the exact date, but I'll keep an eye on it for you.\""));
        }
        for (EnglishText.Sentence read : sentences) {
            String sentence = read.text();
            String normalized = Phrasing.normalize(sentence);
            Blame.in(normalized).ifPresent(target -> findings.add(new Finding(ReplyRule.MSG_BLAME,
                    Phrasing.excerpt(sentence, EXCERPT_LENGTH), ReplyRule.MSG_BLAME.reason(), blameSuggestion(target))));
            Optional<ToneLexicon.ToneIssue> tone = ToneLexicon.inspect(sentence, normalized);
            if (tone.isPresent()) {
                findings.add(new Finding(ReplyRule.MSG_TONE, Phrasing.excerpt(sentence, EXCERPT_LENGTH),
                        ReplyRule.MSG_TONE.reason() + " (" + describe(tone.get()) + ")", toneSuggestion(tone.get().kind())));
            } else {
                Dismissiveness.in(normalized).ifPresent(words -> findings.add(new Finding(ReplyRule.MSG_TONE,
                        Phrasing.excerpt(sentence, EXCERPT_LENGTH), ReplyRule.MSG_TONE.reason() + " (dismissive: \"" + words + "\")",
                        "Acknowledge the question as if it were the first time and answer it with the facts, e.g. \"Thanks for checking in; "
                                + "here is the latest from tracking.\"")));
            }
        }
        return findings;
    }

    private static String blameSuggestion(Blame.Target target) {
        return switch (target) {
            case COURIER -> "Say what happened and what you are doing about it without assigning fault, e.g. \"The parcel has been "
                    + "delayed in transit; I'm following it up and will update you as soon as I hear back.\"";
            case CUSTOMER -> "State the facts and the next step without pointing at the customer, e.g. \"The order shows this address; "
                    + "could you confirm the correct one so we can put it right?\"";
        };
    }

    private static String describe(ToneLexicon.ToneIssue issue) {
        return switch (issue.kind()) {
            case SHOUTING -> "shouting: \"" + issue.evidence() + "\"";
            case INSULT -> "insult: \"" + issue.evidence() + "\"";
            case PROFANITY -> "profanity: \"" + issue.evidence() + "\"";
        };
    }

    private static String toneSuggestion(ToneLexicon.Kind kind) {
        return switch (kind) {
            case SHOUTING -> "Write in sentence case; capitals read as shouting. Keep to the facts of the order.";
            case INSULT -> "Leave out the personal remark; acknowledge the customer's concern and give the facts, e.g. "
                    + "\"I understand the wait is frustrating; here is where your order is now.\"";
            case PROFANITY -> "Remove the profanity and keep the message polite and factual.";
        };
    }
}
