package com.kingstonexpress.messaging.reply.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kingstonexpress.messaging.language.domain.EnglishText;
import com.kingstonexpress.messaging.language.domain.Spelling;

/**
 * Finds promises of a guaranteed delivery date ("Never promise guaranteed delivery dates").
 *
 * <p>A sentence promises a delivery date when three things meet in it, read from its words, their
 * part of speech and lemma (so "arrives", "arriving" and "arrival" are one word to the rule):
 * <ol>
 * <li>the parcel reaching the customer: a form of arrive, deliver, reach, land, come, turn up, "be with
 * you", "you will get/receive/have it", or an imperative "expect it"; not something that already happened,
 * is negated, or only happens under a condition ("if it hasn't arrived by Monday");</li>
 * <li>a time near it: a weekday, a relative day ("tomorrow", "next-day"), a window ("within 3 days"), a
 * calendar date, a holiday;</li>
 * <li>a commitment: a certainty word (an adjective such as certain or guaranteed, an adverb such as
 * definitely, a verb such as promise, a marker such as "for sure" or "100%") that is not negated and
 * stands in the delivery's clause, in a short clause beside it or governs it ("I promise you, ..."), and
 * that nothing later takes back; or a plain assertion ("it will arrive", "it arrives", "delivery is on")
 * that nothing in the sentence hedges ("should", "estimated", "tracking shows") and the next sentence does
 * not disclaim.</li>
 * </ol>
 * Questions and quoted text (the customer's own words) are never the seller's promise.
 */
final class GuaranteedDates {

    /** A promise found in one sentence, with the time it commits to. */
    record Promise(String sentence, String date) {
    }

    /** A word as the rules read it: spelling corrected, with its position in the joined sentence. */
    private record Word(String lower, String lemma, String tag, int clause, int offset) {
        boolean is(String... lemmas) {
            for (String l : lemmas) {
                if (lemma.equals(l) || lower.equals(l)) {
                    return true;
                }
            }
            return false;
        }

        boolean adverb() {
            return tag.equals("ADV") && !is("not", "never", "no", "n't");
        }
    }

    /** A sentence's words, its text joined with single spaces for the multi-word expressions, and clauses. */
    private record Reading(String sentence, List<Word> words, String joined, boolean[] pleasantry) {
        int wordAt(int offset) {
            for (int i = words.size() - 1; i >= 0; i--) {
                if (words.get(i).offset() <= offset) {
                    return i;
                }
            }
            return 0;
        }

        int clauseSize(int clause) {
            return (int) words.stream().filter(w -> w.clause() == clause && !w.tag().equals("PUNCT")).count();
        }
    }

    private static final Set<String> KNOWN_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "tomorrow", "tonight", "definitely", "certainly", "absolutely", "surely", "guarantee", "guaranteed", "promise", "promised",
            "deliver", "delivery", "delivered", "arrive", "arrival", "arriving", "arrives", "christmas", "weekend", "working", "business",
            "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december");

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final String AMOUNT = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|a couple of|a few|couple of|few)";
    private static final String ORDINAL = "\\d{1,2} ?(st|nd|rd|th)";
    /**
     * Cheap first look at the raw sentence: only one that may name a time (a digit, a day, a month, a holiday, also
     * misspelt) is read word by word.
     */
    private static final Pattern MAY_NAME_A_TIME = Pattern.compile("\\d|mon|tue|wed|thu|fri|sat|sun|tod|tom|ton|tmr|week|day|month|year"
            + "|hour|morning|afternoon|evening|night|christ|xmas|easter|holiday|birthday|hallow|valent|thanks|noon|midday|lunch|eod|eow"
            + "|first thing|jan|feb|mar|apr|may|jun|jul"
            + "|aug|sep|oct|nov|dec");
    static final Pattern DATE = Pattern.compile("\\b("
            + "(next |this |on |by |before |until )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weds|thurs)"
            + "|the day after tomorrow|today|tomorrow|tonight|tmrw|tmr"
            + "|this (morning|afternoon|evening|week|weekend|month)|next (week|weekend|month)|(the|over the|before the|by the) weekend"
            + "|(by |before |at )?(the )?end of (the |this |next )?(day|week|month)|eod|eow|first thing"
            + "|(next|same|one|two|\\d) ?- ?day"
            + "|(within|in|inside|in under|under|in less than|less than) (the next )?" + AMOUNT + " ?-? ?(business |working )?(hours?|days?|weeks?)"
            + "|\\d+ ?(-|to) ?\\d+ (business |working )?(days|hours|weeks)"
            + "|(by|on|before) the " + ORDINAL + "|" + ORDINAL + "( of)? " + MONTH
            + "|" + MONTH + " " + ORDINAL + "|" + MONTH + " \\d{1,2}\\b|\\d{1,2} " + MONTH
            + "|(by|before|in|on|early|mid|end of) (january|february|march|april|june|july|august|september|october|november|december)"
            + "|\\d{4} ?- ?\\d{2} ?- ?\\d{2}|\\d{1,2} ?/ ?\\d{1,2}( ?/ ?\\d{2,4})?|\\d{1,2}\\.\\d{2}\\.\\d{2,4}"
            + "|(by|before) (noon|midday|lunch(time)?|\\d{1,2}( ?: ?\\d{2})? ?(am|pm))|\\d{1,2} ?(am|pm) (today|tomorrow)"
            + "|christmas( eve| day)?|xmas|new year|easter|boxing day|black friday|the holidays|valentine|halloween|thanksgiving"
            + "|bank holiday|(your|the) birthday"
            + ")\\b");

    /** Nouns a reply may "receive", "get" or "have" that are not the parcel. */
    private static final Set<String> NOT_THE_PARCEL = Set.of("update", "email", "e-mail", "mail", "reply", "response", "answer", "message",
            "refund", "call", "notification", "confirmation", "code", "voucher", "credit", "text", "tracking", "number", "link",
            "information", "info", "detail", "invoice", "news", "ticket", "chance", "look", "feedback", "discount");
    /** What follows "delivery" when it names something other than the parcel arriving. */
    private static final Set<String> DELIVERY_THINGS = Set.of("update", "status", "information", "info", "detail", "address", "option",
            "instruction", "team", "note", "preference", "slowdown", "driver", "company", "service", "partner", "attempt", "charge",
            "fee", "cost", "method", "time", "network", "delay", "issue", "problem", "estimate", "window");

    private static final Set<String> CERTAINTY_WORDS = Set.of("guarantee", "guaranteed", "promise", "assure", "assured", "swear",
            "definitely", "certainly", "absolutely", "surely", "undoubtedly", "certain", "sure", "confident", "positive");
    /** Words that commit what follows them: "I promise you, it will be there Friday", "trust me, ...". */
    private static final Set<String> GOVERNING = Set.of("guarantee", "promise", "assure", "swear", "trust", "word", "assured");
    private static final Pattern CERTAINTY_PHRASE = Pattern.compile("\\b(for (sure|certain)|without (fail|a doubt|doubt)|no doubt|no question"
            + "|count on|bound to|(you have|you've got) my word|trust me|hundred percent)\\b|\\b100 ?(%|percent\\b|per cent\\b)");
    private static final Set<String> NEGATORS = Set.of("not", "never", "no", "nobody", "cannot", "unable", "impossible", "hard", "wish",
            "none", "nothing", "difficult");
    private static final int NEGATION_REACH = 4;
    /** Clauses of a marker standing on its own beside the delivery: "..., guaranteed", "..., I can assure you of that". */
    private static final int SHORT_CLAUSE = 7;
    private static final int DATE_REACH = 9;

    private static final Set<String> HEDGES = Set.of("should", "may", "might", "could", "would", "estimate", "estimated", "likely",
            "unlikely", "probably", "possibly", "perhaps", "maybe", "hopefully", "hope", "aim", "try", "usually", "typically", "normally",
            "generally", "schedule", "scheduled", "due", "eta", "approximately", "approx", "roughly", "around", "predict", "forecast",
            "anticipate", "seem", "appear", "think", "believe", "suppose", "guess", "say", "show", "indicate", "suggest", "state",
            "report", "plan", "target", "ideally", "fingers", "track", "luck", "realistically");
    private static final Pattern HEDGE_PHRASE = Pattern.compile("\\b(according to|looks? like|all goes well|on track|in theory|as far as i know"
            + "|if all|barring|subject to)\\b");
    /** The writer declines to guarantee: nothing after it in the message is a plain promise. */
    private static final Pattern DISCLAIMER = Pattern.compile("\\b((cannot|can not|could not|not able to|unable to|will not|would not|do not"
            + "|does not|never) (\\w+ ){0,2}(guarantee|promise|say for (sure|certain)|be (sure|certain)|commit|confirm (an|the) exact)"
            + "|no guarantee|not (a |be )?guarantee(d)?|not promised|not a promise|not set in stone|estimate|subject to change"
            + "|(may|might|could|can) (change|vary|slip)|delays (are|can be) possible|not certain|not sure)\\b");
    private static final Set<String> CONDITIONS = Set.of("if", "unless", "when", "whenever", "once", "until", "till", "whether",
            "after", "soon");
    private static final Pattern PLEASANTRIES = Pattern.compile("\\b(i |we )?(hope|trust) (you are|you 're|this|that|it) (well|helps|finds you well|clears (that|this|things) up)\\b"
            + "|\\b(i |we )?hope you (have|had|enjoy|like|love) [^,.;]*"
            + "|\\bshould you (need|have|want|require) [^,.;]*"
            + "|\\bif you (have|need) any [^,.;]*");
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "(", ")", "-", "\u2013", "\u2014", "but", "though", "although",
            "however", "whereas", "...");
    private static final Set<String> QUOTES = Set.of("\"", "\u201c", "\u201d", "''", "``");
    /** Forms the tagger sometimes reads as nouns ("100% arrives tomorrow", "it lands tomorrow"). */
    private static final Pattern ARRIVING = Pattern.compile("arriv(e|es|ing|al)|lands|landing");
    /** "It arrives Monday": the present tense speaking of the future. */
    private static final Set<String> PRESENT_FOR_FUTURE = Set.of("arrives", "lands", "reaches", "comes", "gets");
    /** Verbs a short clause may have and still only certify its neighbour: "I can assure you of that". */
    private static final Set<String> CERTIFYING_VERBS = Set.of("assure", "promise", "guarantee", "swear", "trust", "be", "can", "will",
            "do", "give", "have", "tell");
    private static final Set<String> PRESENT_BE = Set.of("is", "are", "am");

    private GuaranteedDates() {
    }

    /** The promises in a message, one per offending sentence. */
    static List<Promise> find(List<EnglishText.Sentence> sentences) {
        List<Promise> promises = new ArrayList<>();
        Reading[] readings = new Reading[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            EnglishText.Sentence sentence = sentences.get(i);
            if (sentence.isQuestion() || !MAY_NAME_A_TIME.matcher(sentence.text().toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            int nextIndex = i + 1;
            Supplier<Reading> next = () -> nextIndex < sentences.size() ? reading(sentences, readings, nextIndex) : null;
            promiseIn(reading(sentences, readings, i), next).ifPresent(promises::add);
        }
        return promises;
    }

    private static Reading reading(List<EnglishText.Sentence> sentences, Reading[] readings, int i) {
        if (readings[i] == null) {
            readings[i] = read(sentences.get(i));
        }
        return readings[i];
    }

    private static Reading read(EnglishText.Sentence sentence) {
        List<Word> words = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        boolean quoted = false;
        int clause = 0;
        for (EnglishText.Token token : sentence.tokens()) {
            if (QUOTES.contains(token.lower())) {
                quoted = !quoted;
                clause++;
                continue;
            }
            if (quoted) {
                continue;
            }
            if (CLAUSE_BREAKS.contains(token.lower())) {
                clause++;
            }
            String lower = Spelling.corrected(token.lower(), KNOWN_WORDS);
            String lemma = lower.equals(token.lower()) ? token.lemma() : Spelling.corrected(token.lemma(), KNOWN_WORDS);
            if (joined.length() > 0) {
                joined.append(' ');
            }
            words.add(new Word(lower, lemma, token.tag(), clause, joined.length()));
            joined.append(lower);
        }
        String text = joined.toString();
        boolean[] pleasantry = new boolean[words.size()];
        Reading reading = new Reading(sentence.text(), words, text, pleasantry);
        Matcher m = PLEASANTRIES.matcher(text);
        while (m.find()) {
            for (int i = reading.wordAt(m.start()); i < words.size() && words.get(i).offset() < m.end(); i++) {
                pleasantry[i] = true;
            }
        }
        return reading;
    }

    private static Optional<Promise> promiseIn(Reading r, Supplier<Reading> followingSentence) {
        List<int[]> dates = new ArrayList<>();
        Matcher date = DATE.matcher(r.joined());
        while (date.find()) {
            dates.add(new int[] { r.wordAt(date.start()), r.wordAt(Math.max(date.start(), date.end() - 1)), date.start(), date.end() });
        }
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        for (int cue = 0; cue < r.words().size(); cue++) {
            if (!deliveryAt(r, cue) || past(r, cue) || negated(r, cue) || conditional(r, cue)) {
                continue;
            }
            int[] near = nearestDate(r, dates, cue);
            if (near == null) {
                continue;
            }
            if (committed(r, cue, followingSentence) || (asserted(r, cue) && !hedged(r) && !disclaims(r.joined())
                    && (followingSentence.get() == null || !disclaims(followingSentence.get().joined())))) {
                return Optional.of(new Promise(r.sentence(), r.joined().substring(near[2], near[3])));
            }
        }
        return Optional.empty();
    }

    /** The parcel reaching the customer, at word i. */
    private static boolean deliveryAt(Reading r, int i) {
        Word w = r.words().get(i);
        Word next = word(r, i + 1);
        if (w.is("arrive", "arrival", "land") || ARRIVING.matcher(w.lower()).matches()) {
            return true;
        }
        if (w.is("deliver", "delivery", "delivered")) {
            return next == null || !DELIVERY_THINGS.contains(next.lemma());
        }
        if (w.is("reach")) {
            return next == null || !next.is("out");
        }
        if (w.is("come")) {
            return next == null || !next.is("back", "across", "from", "out", "in", "up", "along");
        }
        if (w.is("turn", "show")) {
            return next != null && next.is("up");
        }
        if (w.is("get")) {
            Word after = word(r, i + 2);
            return next != null && (next.is("there", "it", "them", "yours") || (next.is("to") && after != null && after.is("you", "your"))
                    || (next.is("your", "the", "my") && theParcel(r, i + 2)));
        }
        if (w.is("receive")) {
            return theParcel(r, i + 1);
        }
        if (w.is("have")) {
            return spokenToYou(r, i) && next != null && (next.is("it", "them", "yours") || (next.is("your", "the", "this") && theParcel(r, i + 2)));
        }
        if (w.is("be")) {
            Word after = word(r, i + 2);
            return next != null && (next.is("there", "yours")
                    || (next.is("with", "at", "on", "in") && after != null && after.is("you", "your")));
        }
        if (w.is("expect")) {
            return imperative(r, i);
        }
        return false;
    }

    /** What comes after a verb (past determiners and adjectives) is the parcel, not an email or a refund. */
    private static boolean theParcel(Reading r, int from) {
        for (int k = from; k < Math.min(from + 4, r.words().size()); k++) {
            Word w = r.words().get(k);
            if (NOT_THE_PARCEL.contains(w.lemma())) {
                return false;
            }
            if (w.tag().equals("NOUN") || w.tag().equals("PROPN") || w.tag().equals("PRON")) {
                return true;
            }
        }
        return true;
    }

    private static boolean spokenToYou(Reading r, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (r.words().get(k).is("you")) {
                return true;
            }
        }
        return false;
    }

    /** "Expect it Thursday": the verb opens its clause, with at most adverbs before it. */
    private static boolean imperative(Reading r, int i) {
        int clause = r.words().get(i).clause();
        for (int k = i - 1; k >= 0 && r.words().get(k).clause() == clause; k--) {
            Word w = r.words().get(k);
            if (!w.adverb() && !w.tag().equals("PUNCT") && !w.tag().equals("INTJ") && !w.is("so", "and", "then", "just")) {
                return false;
            }
        }
        return true;
    }

    /** "It was delivered on Monday", "it arrived at the depot": a report, not a promise. */
    private static boolean past(Reading r, int i) {
        Word w = r.words().get(i);
        if (w.is("be")) {
            return Set.of("was", "were", "been").contains(w.lower());
        }
        boolean pastForm = w.lower().endsWith("ed") || Set.of("came", "got", "had", "reached").contains(w.lower());
        if (!pastForm || !w.tag().equals("VERB")) {
            return false;
        }
        Word before = previousNonAdverb(r, i);
        return before != null && !Set.of("will", "be", "is", "are", "am", "to", "going", "get", "gets", "getting", "being").contains(before.lower());
    }

    private static boolean negated(Reading r, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            Word w = r.words().get(k);
            if (w.clause() != r.words().get(i).clause()) {
                return false;
            }
            if (w.is("not", "never", "n't") || (w.is("no") && word(r, k + 1) != null && word(r, k + 1).is("longer"))) {
                return true;
            }
        }
        return false;
    }

    /** "If it hasn't arrived by Monday", "when it arrives": only under a condition. */
    private static boolean conditional(Reading r, int i) {
        int clause = r.words().get(i).clause();
        for (int k = i - 1; k >= 0 && r.words().get(k).clause() == clause; k--) {
            if (CONDITIONS.contains(r.words().get(k).lemma())) {
                return true;
            }
        }
        return false;
    }

    private static int[] nearestDate(Reading r, List<int[]> dates, int cue) {
        int clause = r.words().get(cue).clause();
        for (int[] d : dates) {
            int distance = d[0] > cue ? d[0] - cue : cue - d[1];
            int dateClause = r.words().get(d[0]).clause();
            if (distance <= DATE_REACH && Math.abs(dateClause - clause) <= 1) {
                return d;
            }
        }
        return null;
    }

    /** A certainty marker that commits the delivery at word cue. */
    private static boolean committed(Reading r, int cue, Supplier<Reading> followingSentence) {
        int cueClause = r.words().get(cue).clause();
        for (int m : markers(r)) {
            Word marker = r.words().get(m);
            int clause = marker.clause();
            if (markerNegated(r, m) || reported(r, m) || takenBack(r, m)) {
                continue;
            }
            boolean sameClause = clause == cueClause;
            boolean standsAlone = Math.abs(clause - cueClause) == 1 && r.clauseSize(clause) <= SHORT_CLAUSE && onlyCertifies(r, clause);
            boolean governs = clause < cueClause && GOVERNING.contains(marker.lemma());
            if (sameClause || standsAlone || governs) {
                return true;
            }
        }
        // "It will be there tomorrow. I promise." : a short sentence of its own that commits the one before
        Reading next = followingSentence.get();
        if (next != null && next.words().size() <= 6 && next.words().stream().noneMatch(w -> w.is("arrive", "deliver", "delivery"))) {
            for (int m : markers(next)) {
                if (!markerNegated(next, m) && !takenBack(next, m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A clause that says nothing but the certainty: "guaranteed", "I promise", not "I definitely understand". */
    private static boolean onlyCertifies(Reading r, int clause) {
        return r.words().stream().filter(w -> w.clause() == clause)
                .noneMatch(w -> (w.tag().equals("VERB") || w.tag().equals("AUX")) && !CERTIFYING_VERBS.contains(w.lemma()));
    }

    private static List<Integer> markers(Reading r) {
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < r.words().size(); i++) {
            Word w = r.words().get(i);
            if (CERTAINTY_WORDS.contains(w.lemma()) || CERTAINTY_WORDS.contains(w.lower())) {
                // "Sure, ..." or "Absolutely, ..." answering a question agrees; it does not certify what follows
                boolean answer = i == 0 && word(r, 1) != null && (word(r, 1).is(",") || word(r, 1).is("thing"));
                if (!answer) {
                    markers.add(i);
                }
            }
        }
        Matcher phrase = CERTAINTY_PHRASE.matcher(r.joined());
        while (phrase.find()) {
            markers.add(r.wordAt(phrase.start()));
        }
        return markers;
    }

    /** "cannot guarantee", "nobody can say for sure", "I wish I could promise", "not sure". */
    private static boolean markerNegated(Reading r, int m) {
        int clause = r.words().get(m).clause();
        for (int k = m - 1; k >= Math.max(0, m - NEGATION_REACH); k--) {
            Word w = r.words().get(k);
            if (w.clause() != clause) {
                return false;
            }
            if (NEGATORS.contains(w.lemma()) || NEGATORS.contains(w.lower()) || w.is("n't")) {
                return true;
            }
        }
        return false;
    }

    /** "You were promised delivery by the 5th": someone else's promise, reported. */
    private static boolean reported(Reading r, int m) {
        Word marker = r.words().get(m);
        if (!marker.lower().endsWith("ed")) {
            return false;
        }
        Word before = previousNonAdverb(r, m);
        return before != null && (before.lower().equals("were") || before.lower().equals("was") || before.lower().equals("been"));
    }

    /**
     * A disclaimer in the marker's clause or after it takes the certainty back ("it should definitely be
     * there by Friday, but I can't promise that"); one before it does not ("I can't guarantee Friday, but
     * it's definitely arriving by Monday").
     */
    private static boolean takenBack(Reading r, int m) {
        int clause = r.words().get(m).clause();
        int from = m;
        while (from > 0 && r.words().get(from - 1).clause() == clause) {
            from--;
        }
        String rest = r.joined().substring(r.words().get(from).offset());
        Matcher d = DISCLAIMER.matcher(rest);
        while (d.find()) {
            int at = r.wordAt(r.words().get(from).offset() + d.start());
            if (at != m || !d.group().startsWith("estimate")) {
                return true;
            }
        }
        return false;
    }

    /** The delivery at word cue is stated as what will happen: "it will arrive", "it arrives", "delivery is on". */
    private static boolean asserted(Reading r, int cue) {
        Word w = r.words().get(cue);
        if (w.is("delivery", "arrival")) {
            for (int k = cue + 1; k < Math.min(cue + 3, r.words().size()); k++) {
                Word after = r.words().get(k);
                if (after.is("will") || PRESENT_BE.contains(after.lower())) {
                    return !negatedAfter(r, k);
                }
            }
            return false;
        }
        if (w.is("expect")) {
            return false;
        }
        if (PRESENT_FOR_FUTURE.contains(w.lower()) || (w.tag().equals("VERB") && w.lower().endsWith("s") && !w.lower().equals(w.lemma()))) {
            return true;
        }
        if (w.is("be") && PRESENT_BE.contains(w.lower())) {
            return true;
        }
        boolean participle = w.lower().endsWith("ing") || w.lower().endsWith("ed");
        for (int k = cue - 1; k >= 0 && r.words().get(k).clause() == w.clause(); k--) {
            Word before = r.words().get(k);
            if (before.adverb() || before.is("get", "getting")) {
                continue;
            }
            if (before.is("will", "shall")) {
                return true;
            }
            if (before.lower().equals("be")) {
                continue;
            }
            if (PRESENT_BE.contains(before.lower())) {
                return participle;
            }
            if (before.is("to")) {
                Word governor = previousNonAdverb(r, k);
                return governor != null && governor.is("going", "set", "about");
            }
            return false;
        }
        return false;
    }

    private static boolean negatedAfter(Reading r, int k) {
        Word after = word(r, k + 1);
        return after != null && after.is("not", "never", "n't");
    }

    private static boolean hedged(Reading r) {
        for (int i = 0; i < r.words().size(); i++) {
            Word w = r.words().get(i);
            if (r.pleasantry()[i]) {
                continue;
            }
            if (HEDGES.contains(w.lemma()) || HEDGES.contains(w.lower())) {
                Word next = word(r, i + 1);
                boolean showsUp = w.is("show") && next != null && next.is("up");
                boolean month = w.lower().equals("may") && next != null && Character.isDigit(next.lower().charAt(0));
                if (showsUp || month) {
                    continue;
                }
                return true;
            }
            if (w.is("expect") && !imperative(r, i)) {
                return true;
            }
        }
        return HEDGE_PHRASE.matcher(r.joined()).find();
    }

    private static boolean disclaims(String joined) {
        return DISCLAIMER.matcher(joined).find();
    }

    private static Word previousNonAdverb(Reading r, int i) {
        for (int k = i - 1; k >= 0; k--) {
            Word w = r.words().get(k);
            if (!w.adverb()) {
                return w;
            }
        }
        return null;
    }

    private static Word word(Reading r, int i) {
        return i >= 0 && i < r.words().size() ? r.words().get(i) : null;
    }
}
