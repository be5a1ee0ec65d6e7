package com.kingstonexpress.messaging.language.domain;

import java.util.Set;

/**
 * Everyday typos of the words a rule looks for ("definately", "tommorow", "gaurantee"): a word within one
 * edit (insertion, deletion, substitution or swap of neighbours) of a known word, two for words of eight
 * letters or more, is read as that word. Words under five letters are left alone: one edit turns them into
 * another real word too often.
 */
public final class Spelling {

    private static final int SHORTEST_CORRECTED = 5;
    private static final int LONG_WORD = 8;

    private Spelling() {
    }

    /** The known word this one is a typo of (the closest, first letter kept), or the word itself. */
    public static String corrected(String word, Set<String> known) {
        if (word.length() < SHORTEST_CORRECTED || known.contains(word)) {
            return word;
        }
        int allowed = word.length() >= LONG_WORD ? 2 : 1;
        String best = word;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            if (candidate.length() >= SHORTEST_CORRECTED && candidate.charAt(0) == word.charAt(0)
                    && Math.abs(candidate.length() - word.length()) <= allowed) {
                int d = distance(word, candidate, allowed);
                if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        return bestDistance <= allowed ? best : word;
    }

    /** Optimal string alignment distance, or limit + 1 once it is certainly above limit. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
