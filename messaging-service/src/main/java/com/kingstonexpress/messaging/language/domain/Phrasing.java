package com.kingstonexpress.messaging.language.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal form the checks match against: lower case, straight quotes, contractions spelled out
 * ("it'll" -> "it will", "can't" -> "cannot"), single spaces. Pattern lists then need one spelling only.
 */
public final class Phrasing {

    private static final String[][] CONTRACTIONS = {
            { "won't", "will not" }, { "can't", "cannot" }, { "shan't", "shall not" }, { "ain't", "is not" },
            { "n't", " not" }, { "'ll", " will" }, { "'re", " are" }, { "'m", " am" }, { "'ve", " have" }, { "'d", " would" },
            { "it's", "it is" }, { "that's", "that is" }, { "there's", "there is" }, { "what's", "what is" },
            { "he's", "he is" }, { "she's", "she is" }, { "who's", "who is" }, { "here's", "here is" } };
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CAN_NOT = Pattern.compile("\\bcan not\\b");
    private static final Pattern GONNA = Pattern.compile("\\bgonna\\b");

    private Phrasing() {
    }

    public static String normalize(String text) {
        String s = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').toLowerCase(Locale.ROOT);
        for (String[] c : CONTRACTIONS) {
            s = s.replace(c[0], c[1]);
        }
        s = CAN_NOT.matcher(s).replaceAll("cannot");
        s = GONNA.matcher(s).replaceAll("going to");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Shortens a quoted sentence for an excerpt, on a word boundary. */
    public static String excerpt(String sentence, int max) {
        String s = SPACES.matcher(sentence).replaceAll(" ").strip();
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }
}
