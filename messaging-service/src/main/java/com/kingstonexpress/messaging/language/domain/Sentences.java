package com.kingstonexpress.messaging.language.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a message into sentences, the unit every check reasons about: a promise, a hedge or an insult
 * lives in a sentence, and the sentence is what a seller sees quoted back.
 */
public final class Sentences {

    /** Abbreviations whose full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "approx",
            "est", "st", "vs", "ref", "inc", "ltd", "co");

    private Sentences() {
    }

    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(sentences, text.substring(start, i));
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?') {
                int end = i;
                while (end + 1 < n && (text.charAt(end + 1) == '.' || text.charAt(end + 1) == '!' || text.charAt(end + 1) == '?')) {
                    end++;
                }
                boolean followedByBreak = end + 1 >= n || Character.isWhitespace(text.charAt(end + 1));
                if (followedByBreak && !(c == '.' && end == i && endsWithAbbreviation(text, start, i))) {
                    add(sentences, text.substring(start, end + 1));
                    start = end + 1;
                }
                i = end;
            }
        }
        add(sentences, text.substring(Math.min(start, n)));
        return sentences;
    }

    private static boolean endsWithAbbreviation(String text, int start, int dot) {
        int wordStart = dot;
        while (wordStart > start && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        return ABBREVIATIONS.contains(text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT));
    }

    private static void add(List<String> sentences, String candidate) {
        String s = candidate.strip();
        if (!s.isEmpty()) {
            sentences.add(s);
        }
    }
}
