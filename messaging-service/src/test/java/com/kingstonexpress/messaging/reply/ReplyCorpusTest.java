package com.kingstonexpress.messaging.reply;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;

/**
 * Measures the reply checker on labelled seller replies (src/test/resources/reply-corpus): precision
 * and recall per rule, printed, with the bar the issue sets for MSG_GUARANTEED_DATE (precision >= 0.95,
 * recall >= 0.90) asserted on the whole corpus. {@code replies.tsv} was written while the checker was
 * developed; {@code replies-holdout.tsv} was written after it was frozen and is reported on its own too,
 * as the more honest figure. The README quotes both.
 */
class ReplyCorpusTest {

    record Example(String text, Set<ReplyRule> expected) {
    }

    record Score(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    private static final ReplyChecker CHECKER = new ReplyChecker();
    private static List<Example> corpus;
    private static Map<ReplyRule, Score> scores;

    @BeforeAll
    static void measure() throws IOException {
        List<Example> development = load("replies.tsv");
        List<Example> holdout = load("replies-holdout.tsv");
        corpus = new ArrayList<>(development);
        corpus.addAll(holdout);
        report("development corpus (replies.tsv)", development);
        report("held-out corpus (replies-holdout.tsv)", holdout);
        scores = report("whole corpus", corpus);
    }

    private static Map<ReplyRule, Score> report(String name, List<Example> examples) {
        Map<ReplyRule, int[]> counts = new EnumMap<>(ReplyRule.class);
        for (ReplyRule rule : ReplyRule.values()) {
            counts.put(rule, new int[3]);
        }
        List<String> mistakes = new ArrayList<>();
        for (Example example : examples) {
            Set<ReplyRule> found = EnumSet.noneOf(ReplyRule.class);
            CHECKER.check(example.text()).stream().map(Finding::rule).forEach(found::add);
            for (ReplyRule rule : ReplyRule.values()) {
                boolean expected = example.expected().contains(rule);
                boolean flagged = found.contains(rule);
                if (expected && flagged) {
                    counts.get(rule)[0]++;
                } else if (flagged) {
                    counts.get(rule)[1]++;
                    mistakes.add("false positive " + rule + ": " + abbreviate(example.text()));
                } else if (expected) {
                    counts.get(rule)[2]++;
                    mistakes.add("missed " + rule + ": " + abbreviate(example.text()));
                }
            }
        }
        Map<ReplyRule, Score> measured = new EnumMap<>(ReplyRule.class);
        counts.forEach((rule, c) -> measured.put(rule, new Score(c[0], c[1], c[2])));

        StringBuilder report = new StringBuilder("Reply checker on the " + name + ", " + examples.size() + " labelled replies:\n");
        report.append(String.format("%-20s %9s %6s %6s %6s %9s %6s%n", "rule", "positives", "TP", "FP", "FN", "precision", "recall"));
        measured.forEach((rule, s) -> report.append(String.format("%-20s %9d %6d %6d %6d %9.3f %6.3f%n", rule,
                s.truePositives() + s.falseNegatives(), s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(),
                s.recall())));
        mistakes.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);
        return measured;
    }

    @Test
    void theCorpusIsLargeAndCoversEveryRule() {
        assertTrue(corpus.size() >= 150, "at least 150 labelled replies, found " + corpus.size());
        for (ReplyRule rule : ReplyRule.values()) {
            assertTrue(corpus.stream().anyMatch(e -> e.expected().contains(rule)), "the corpus has examples of " + rule);
        }
        assertTrue(corpus.stream().filter(e -> e.expected().isEmpty()).count() >= 75, "and plenty of replies that break no rule");
    }

    @Test
    void guaranteedDatePromisesAreCaughtPreciselyAndReliably() {
        Score s = scores.get(ReplyRule.MSG_GUARANTEED_DATE);
        assertTrue(s.precision() >= 0.95, "MSG_GUARANTEED_DATE precision " + s.precision());
        assertTrue(s.recall() >= 0.90, "MSG_GUARANTEED_DATE recall " + s.recall());
    }

    @Test
    void theWarningsAndLimitsAreUsefulToo() {
        for (ReplyRule rule : List.of(ReplyRule.MSG_BLAME, ReplyRule.MSG_TONE)) {
            assertTrue(scores.get(rule).precision() >= 0.85 && scores.get(rule).recall() >= 0.80, rule + " " + scores.get(rule));
        }
        for (ReplyRule rule : List.of(ReplyRule.MSG_EMPTY, ReplyRule.MSG_TOO_LONG)) {
            assertTrue(scores.get(rule).precision() == 1.0 && scores.get(rule).recall() == 1.0, rule + " " + scores.get(rule));
        }
    }

    private static List<Example> load(String file) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = ReplyCorpusTest.class.getResourceAsStream("/reply-corpus/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                Set<ReplyRule> expected = EnumSet.noneOf(ReplyRule.class);
                if (!parts[0].equals("-")) {
                    for (String id : parts[0].split(",")) {
                        expected.add(ReplyRule.valueOf(id.strip()));
                    }
                }
                examples.add(new Example(parts[1], expected));
            }
        }
        return examples;
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
