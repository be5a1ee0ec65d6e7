package com.kingstonexpress.messaging.reply.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kingstonexpress.messaging.language.domain.Phrasing;

/**
 * Finds promises of a guaranteed delivery date ("Never promise guaranteed delivery dates").
 *
 * <p>A sentence promises a delivery date when it speaks of the parcel arriving, names a date near that
 * (a weekday, today/tomorrow, "by the 5th", a calendar date, "within 2 days"), and commits to it:
 * <ul>
 * <li>a certainty marker (guaranteed, promise, definitely, for sure, 100%, without fail, ...) that is not
 * negated ("cannot guarantee", "can't say for sure") and stands in the clause of the delivery (or is a
 * short clause of its own: "..., for sure"; or is a promise/guarantee verb governing what follows);</li>
 * <li>or a plain assertion ("it will arrive Friday", "it is arriving tomorrow", "delivery is on Monday")
 * that nothing in the sentence hedges ("estimated", "should", "expected", "tracking shows", "we hope")
 * and that the next sentence does not take back ("We can't guarantee that, though.").</li>
 * </ul>
 * A sentence that disclaims a guarantee in the clause of the marker is never a promise. Questions are
 * never promises.
 */
final class DeliveryPromises {

    /** A promise found in one sentence, with the date expression it commits to. */
    record Promise(String sentence, String date) {
    }

    /** How far (in characters of the normalized sentence) a date may stand from the delivery words. */
    private static final int DATE_REACH = 60;

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december|"
            + "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final String NUMBER = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|a couple of|a few|24|48|72)";
    static final Pattern DATE = Pattern.compile("\\b("
            + "(next |this |on |by |before |until )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weds|thurs)"
            + "|the day after tomorrow|today|tomorrow|tonight|tmrw|tmr"
            + "|this (morning|afternoon|evening|week|weekend|month)|next (week|weekend|month)|(the|over the|before the|by the) weekend"
            + "|(by |before |at )?(the )?end of (the |this |next )?(day|week|month)|eod|eow|first thing"
            + "|(within|in) (the next )?" + NUMBER + "( |-)(business |working )?(hours?|days?|weeks?)"
            + "|\\d+ ?(-|to) ?\\d+ (business |working )?days"
            + "|(by |on |before )?the \\d{1,2}(st|nd|rd|th)|\\d{1,2}(st|nd|rd|th)( of)? " + MONTH
            + "|" + MONTH + " \\d{1,2}(st|nd|rd|th)?|\\d{1,2} " + MONTH
            + "|(by|before|in|on|early|mid|end of) (january|february|march|april|june|july|august|september|october|november|december)"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}([/.]\\d{2,4})?"
            + "|(by|before) (noon|midday|lunch(time)?|\\d{1,2}(:\\d{2})? ?(am|pm))"
            + "|christmas|xmas|new year|easter|boxing day"
            + ")\\b");

    /** The parcel reaching the customer; "receive an update" or "have it sorted" are not deliveries. */
    private static final Pattern DELIVERY = Pattern.compile("\\b(arriv(e|es|ed|ing|al)|deliver(y|ed|ing|s)?(?! (update|status|information|info|details|address|options?|instructions|team|note|preferences))"
            + "|reach(es|ing)? (you|your)|get (it )?to you|gets to you|be there|be with you|be at your|with you (by|on|before)"
            + "|at your (door|doorstep|house|home|address)|on your doorstep|in your hands|lands?|landing|show(s)? up|turn(s)? up"
            + "|(is|are|it is) coming"
            + "|receiv(e|es|ing)(?! (an?|the|your|our|my) (\\w+ )?(update|reply|response|answer|email|e-mail|message|refund|call|notification|confirmation|code|voucher|credit))"
            + "|get it(?! (sorted|fixed|checked|resolved|done|back|replaced|refunded|looked))"
            + "|have it(?! (sorted|fixed|checked|resolved|done|back|replaced|refunded|looked|investigated))"
            + "|come through|drop(ped)? off|hit your)\\b");

    /** Markers of certainty that commit the writer whatever else the sentence says. */
    private static final Pattern CERTAINTY = Pattern.compile("(\\b(guarantee(d|s)?|promise(d|s)?|definitely|certainly|absolutely|surely"
            + "|for sure|for certain|without fail|no doubt|no matter what|rest assured|i assure you|assured|you have my word|i swear"
            + "|count on it|bound to|sure to|will 100)\\b|\\b100 ?(%|percent|per cent))");
    /** Certainty verbs that govern the rest of the sentence: "I promise you, it will be there Friday". */
    private static final Pattern GOVERNING = Pattern.compile("\\b(guarantee|promise|assure|swear)\\b");
    private static final Pattern NEGATOR = Pattern.compile("\\b(not|cannot|never|no|unable|impossible|hard|wish|love|nobody|no one|none)\\b");
    private static final int NEGATION_REACH = 4;

    /** The writer explicitly declines to guarantee: nothing in that clause is a promise. */
    private static final Pattern DISCLAIMER = Pattern.compile("\\b((cannot|could not|not able to|unable to|will not|would not|do not|never) "
            + "(\\w+ )?(guarantee|promise|say for sure|say for certain|be sure|be certain|commit|confirm an exact|confirm the exact)"
            + "|no guarantee|not (a )?guarantee(d)?|not promised|not a promise|not set in stone|estimate only|only an estimate"
            + "|(is|it is|that is|this is) an estimate|subject to change|(may|might|could) change|can vary|delays (are|can be) possible)\\b");

    /** Hedges: the writer reports an estimate or a hope, not a commitment. */
    private static final Pattern HEDGE = Pattern.compile("\\b(estimat\\w*|expect\\w*|should|hopefully|hope|hoping|likely|probably|possibly"
            + "|perhaps|maybe|might|could|may (be|arrive|take|get|reach|come|land|show|turn|slip|vary|change|still|well|also|not|need)"
            + "|approximately|approx|roughly|around|usually|typically|normally|generally|aim\\w*|try|trying|scheduled|due to|due for|eta"
            + "|tracking (shows|says|indicates|suggests|states|currently|page|information|info|update|is showing)"
            + "|according to|(carrier|courier|royal parcel|system) (says|estimates|expects|shows|indicates|reports|predicts)"
            + "|looks like|seems|appears|i think|i believe|we believe|on track|if all goes well|barring|unless|fingers crossed"
            + "|subject to|predicted|projected|forecast|anticipat\\w*|whether|asked if|asked when|wondering)\\b");

    /** Plain assertions that the parcel arrives (future or present-for-future), unless negated. */
    private static final Pattern ASSERTION = Pattern.compile("\\b((will|shall|going to|is set to|are set to)( (\\w+)){0,2} "
            + "(arrive|be delivered|be there|be with you|reach|get to you|land|show up|turn up|be at|be on your|get there|come|deliver|receive|get it|have it)"
            + "|(is|it is|are) (arriving|being delivered|coming|landing|getting to you|reaching you)"
            + "|arrives|gets delivered|lands on|will be yours"
            + "|delivery (is|will be) (on|by|this|next|today|tomorrow|\\w+day)"
            + "|you will (definitely |certainly |absolutely )?(get|receive|have) (it|your|the))\\b");
    /** What already happened is a report, not a promise: "it was definitely delivered today". */
    private static final Pattern PAST = Pattern.compile("\\b((?<!will )(was|were|has|have|had|did)( \\w+)? (arrived|delivered|reached|landed|arrive|land)"
            + "|(arrived|landed) (at|in) (the|our|their|a) \\w+)\\b");
    private static final Pattern NEGATED_ASSERTION = Pattern.compile("\\b(will|shall|going to|is|are) (not|never|no longer)\\b");

    /** Pleasantries whose hedging words say nothing about the delivery. */
    private static final Pattern PLEASANTRIES = Pattern.compile("\\b(i |we )?(hope|trust) (you are|you're|this|that|it) (well|helps|finds you well|clears (that|this|things) up)\\b"
            + "|\\b(i |we )?hope you (have|had|enjoy|like|love) [^,.;]*"
            + "|\\bshould you (need|have|want|require) [^,.;]*"
            + "|\\bif you (have|need) any [^,.;]*");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()\"]| - | but | though | although | however ");

    private DeliveryPromises() {
    }

    /** The promises in a message, one per offending sentence. */
    static List<Promise> find(List<String> sentences) {
        List<Promise> promises = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String next = i + 1 < sentences.size() ? normalizedWithoutPleasantries(sentences.get(i + 1)) : "";
            promiseIn(sentences.get(i), next).ifPresent(promises::add);
        }
        return promises;
    }

    private static Optional<Promise> promiseIn(String sentence, String nextSentence) {
        if (sentence.endsWith("?")) {
            return Optional.empty();
        }
        String s = normalizedWithoutPleasantries(sentence);
        List<int[]> clauses = clauses(s);
        Matcher delivery = DELIVERY.matcher(s);
        while (delivery.find()) {
            Optional<String> date = dateNear(s, delivery.start(), delivery.end());
            if (date.isEmpty()) {
                continue;
            }
            int deliveryClause = clauseOf(clauses, delivery.start());
            if (PAST.matcher(text(s, clauses.get(deliveryClause))).find()) {
                continue;
            }
            if (committedByCertainty(s, clauses, deliveryClause)
                    || (assertedInClause(s, clauses.get(deliveryClause)) && !HEDGE.matcher(s).find() && !DISCLAIMER.matcher(s).find()
                            && !DISCLAIMER.matcher(nextSentence).find())) {
                return Optional.of(new Promise(sentence, date.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean committedByCertainty(String s, List<int[]> clauses, int deliveryClause) {
        Matcher marker = CERTAINTY.matcher(s);
        while (marker.find()) {
            int markerClause = clauseOf(clauses, marker.start());
            if (negated(s, clauses.get(markerClause)[0], marker.start()) || takenBack(s, clauses, markerClause)) {
                continue;
            }
            String clause = text(s, clauses.get(markerClause));
            boolean sameClause = markerClause == deliveryClause;
            boolean standsAlone = Math.abs(markerClause - deliveryClause) == 1 && clause.split(" ").length <= 3;
            boolean governs = markerClause < deliveryClause && GOVERNING.matcher(marker.group()).find();
            if (sameClause || standsAlone || governs) {
                return true;
            }
        }
        return false;
    }

    /**
     * A disclaimer in the marker's clause or after it takes the certainty back ("it should definitely be
     * there by Friday, but I can't promise that"); one before it does not ("I can't guarantee Friday, but
     * it's definitely arriving by Monday").
     */
    private static boolean takenBack(String s, List<int[]> clauses, int markerClause) {
        return DISCLAIMER.matcher(s.substring(clauses.get(markerClause)[0])).find();
    }

    private static boolean assertedInClause(String s, int[] clause) {
        String c = text(s, clause);
        Matcher assertion = ASSERTION.matcher(c);
        while (assertion.find()) {
            if (!NEGATED_ASSERTION.matcher(assertion.group()).find()) {
                return true;
            }
        }
        return false;
    }

    /** A negator shortly before the marker, in its clause: "cannot guarantee", "no one can say for sure". */
    private static boolean negated(String s, int clauseStart, int markerStart) {
        String[] before = s.substring(clauseStart, markerStart).trim().split(" ");
        for (int k = Math.max(0, before.length - NEGATION_REACH); k < before.length; k++) {
            if (NEGATOR.matcher(before[k]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> dateNear(String s, int deliveryStart, int deliveryEnd) {
        Matcher date = DATE.matcher(s);
        while (date.find()) {
            int distance = date.start() >= deliveryEnd ? date.start() - deliveryEnd : deliveryStart - date.end();
            if (distance <= DATE_REACH) {
                return Optional.of(date.group());
            }
        }
        return Optional.empty();
    }

    private static String normalizedWithoutPleasantries(String sentence) {
        return PLEASANTRIES.matcher(Phrasing.normalize(sentence)).replaceAll(" ");
    }

    /** Clause spans [start, end) of the normalized sentence. */
    private static List<int[]> clauses(String s) {
        List<int[]> spans = new ArrayList<>();
        Matcher br = CLAUSE_BREAK.matcher(s);
        int start = 0;
        while (br.find()) {
            spans.add(new int[] { start, br.start() });
            start = br.end();
        }
        spans.add(new int[] { start, s.length() });
        return spans;
    }

    private static int clauseOf(List<int[]> clauses, int position) {
        for (int k = 0; k < clauses.size(); k++) {
            if (position < clauses.get(k)[1]) {
                return k;
            }
        }
        return clauses.size() - 1;
    }

    private static String text(String s, int[] span) {
        return s.substring(span[0], span[1]).trim();
    }
}
