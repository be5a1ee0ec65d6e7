package com.kingstonexpress.messaging.language.domain;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Impolite language in one sentence: shouting, insults, profanity. Seller replies are checked with it
 * ("Be polite and factual") and customer messages are read with it for aggressive escalation.
 */
public final class ToneLexicon {

    public enum Kind {
        SHOUTING,
        INSULT,
        PROFANITY
    }

    /** What was found and the words that show it. */
    public record ToneIssue(Kind kind, String evidence) {
    }

    private static final Pattern PROFANITY = Pattern.compile("\\b(f[u*@#]+c?k+\\w*|f\\*\\*\\*\\w*|sh[i1]t\\w*|bullshit|crap(py)?|"
            + "damn(ed|it)?|dammit|goddamn\\w*|bloody|bastards?|bitch\\w*|pissed|piss|arse(hole)?s?|ass(hole)?s?|"
            + "prick|twat|wtf|wth|bs(?! ?\\d)|sucks|screw you|what the hell|go to hell|hell no)\\b");
    private static final Pattern INSULT = Pattern.compile("\\b(idiot\\w*|stupid(est|er|ity)?|morons?|moronic|dumb(est|er)?|imbeciles?|dimwit\\w*|"
            + "clueless|pathetic|incompetent|useless|losers?|liars?|illiterate|"
            + "you are (being )?(lying|joking|kidding|crazy|insane|impossible|unreasonable|ridiculous|rude|blind|delusional|impatient)|"
            + "are you (serious|kidding|joking|blind|stupid|crazy|insane)|can you not read|cannot you read|learn to read|"
            + "get a life|shut up|grow up|not my problem|chill out|"
            // Said to the customer, these are dismissive; "I'll deal with it today" is not.
            + "(?:^|please |just |so |then |need to )(calm down|get over it|deal with it)|"
            + "stop (whining|complaining|moaning|nagging|bothering|pestering|harassing|spamming|messaging)( me| us)?)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'*]+");
    /** Capitals that are just how these words are written, not shouting. */
    private static final Set<String> ACRONYMS = Set.of("ID", "UK", "US", "USA", "EU", "DPD", "UPS", "DHL", "USPS", "ETA", "FAQ", "OK",
            "ASAP", "PDF", "SKU", "GB", "VAT", "PM", "AM", "TV", "PO", "RMA", "EVRI", "NB", "PS", "KX", "GPS", "SMS", "URL", "FYI",
            "TNT", "GLS", "EMS", "COD", "POD", "DIY", "LED", "USB", "XL", "XXL", "XS", "PIN", "RSVP", "CEO", "BST", "GMT", "UTC");
    private static final int SHOUTED_WORDS = 3;
    private static final int SHOUTED_LETTERS = 12;

    private ToneLexicon() {
    }

    /**
     * @param sentence   as written (capitals matter for shouting)
     * @param normalized the same sentence through {@link Phrasing#normalize}
     */
    public static Optional<ToneIssue> inspect(String sentence, String normalized) {
        Matcher profanity = PROFANITY.matcher(normalized);
        if (profanity.find()) {
            return Optional.of(new ToneIssue(Kind.PROFANITY, profanity.group()));
        }
        Matcher insult = INSULT.matcher(normalized);
        if (insult.find()) {
            return Optional.of(new ToneIssue(Kind.INSULT, insult.group()));
        }
        return shouting(sentence).map(words -> new ToneIssue(Kind.SHOUTING, words));
    }

    /**
     * Shouting is several words in capitals or a sentence mostly in capitals. One capitalised word of
     * emphasis, acronyms and codes with digits (order ids, tracking numbers) are not shouting.
     */
    static Optional<String> shouting(String sentence) {
        Matcher w = WORD.matcher(sentence);
        int shoutedWords = 0;
        int upper = 0;
        int letters = 0;
        StringBuilder evidence = new StringBuilder();
        while (w.find()) {
            String word = w.group().replace("'", "");
            if (word.chars().anyMatch(Character::isDigit) || ACRONYMS.contains(word)) {
                continue;
            }
            int wordLetters = (int) word.chars().filter(Character::isLetter).count();
            int wordUpper = (int) word.chars().filter(Character::isUpperCase).count();
            letters += wordLetters;
            upper += wordUpper;
            if (wordLetters >= 2 && wordUpper == wordLetters) {
                shoutedWords++;
                if (evidence.length() < 60) {
                    evidence.append(evidence.length() == 0 ? "" : " ").append(w.group());
                }
            }
        }
        boolean mostlyCapitals = letters >= SHOUTED_LETTERS && upper * 10 >= letters * 7;
        return shoutedWords >= SHOUTED_WORDS || (mostlyCapitals && shoutedWords >= 2) ? Optional.of(evidence.toString()) : Optional.empty();
    }
}
