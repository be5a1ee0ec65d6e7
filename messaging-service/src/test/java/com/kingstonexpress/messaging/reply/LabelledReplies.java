package com.kingstonexpress.messaging.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;

/**
 * Labelled seller replies (src/test/resources/reply-corpus; one reply per line: expected rule ids,
 * comma-separated or "-" for none, a tab, the text) and the checker's precision and recall on them.
 */
final class LabelledReplies {

    record Example(String text, Set<ReplyRule> expected) {
    }

    record Score(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        int positives() {
            return truePositives + falseNegatives;
        }
    }

    private LabelledReplies() {
    }

    /** Every .tsv file in a folder of the corpus, in name order. */
    static List<Example> load(String folder) {
        try (Stream<Path> files = Files.list(Path.of(LabelledReplies.class.getResource("/reply-corpus/" + folder).toURI()))) {
            List<Example> examples = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                examples.addAll(load(file));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file of the corpus, named from the corpus root. */
    static List<Example> loadFile(String file) {
        try {
            return load(Path.of(LabelledReplies.class.getResource("/reply-corpus/" + file).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Example> load(Path file) {
        try {
            List<Example> examples = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
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
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores the checker per rule and prints the table and every mistake. */
    static Map<ReplyRule, Score> measure(ReplyChecker checker, String name, List<Example> examples) {
        Map<ReplyRule, int[]> counts = new EnumMap<>(ReplyRule.class);
        for (ReplyRule rule : ReplyRule.values()) {
            counts.put(rule, new int[3]);
        }
        List<String> mistakes = new ArrayList<>();
        for (Example example : examples) {
            Set<ReplyRule> found = EnumSet.noneOf(ReplyRule.class);
            checker.check(example.text()).stream().map(Finding::rule).forEach(found::add);
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
        measured.forEach((rule, s) -> report.append(String.format("%-20s %9d %6d %6d %6d %9.3f %6.3f%n", rule, s.positives(),
                s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall())));
        mistakes.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);
        return measured;
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
