package com.kingstonexpress.messaging.reply;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.kingstonexpress.messaging.language.domain.EnglishText;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;

/**
 * How long a reply check takes, per reply: run on demand, never in the test pass
 * ({@code ./mvnw -B -q test -pl messaging-service -am -Preply-benchmark -DskipTests}). Prints p50/p90/p99/max
 * for replies of the labelled corpus and for long composed replies, beside the baseline of the same replies
 * only read by OpenNLP (sentences, tokens, tags, lemmas) without any rule. Each is measured twice: wall time
 * (what a caller waits, which includes being descheduled on a busy machine) and the checking thread's CPU
 * time (what the check costs). The machine's load average is printed with them. Asserts nothing.
 */
public final class ReplyCheckBenchmark {

    private static final int ROUNDS = 20;

    private ReplyCheckBenchmark() {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.out.printf("load average %.1f on %d processors%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        List<String> tuning = LabelledReplies.load("tuning").stream().map(LabelledReplies.Example::text).toList();
        List<String> heldOut = LabelledReplies.load("heldout").stream().map(LabelledReplies.Example::text).toList();
        ReplyChecker checker = new ReplyChecker();

        long start = System.nanoTime();
        checker.check("It should arrive tomorrow.");
        System.out.printf("first check (loads the OpenNLP models): %.0f ms%n", (System.nanoTime() - start) / 1e6);

        for (String reply : tuning) {
            checker.check(reply);
        }
        print("held-out replies, first time seen (new words reach the lemmatizer)", time(checker, heldOut, 1));
        List<String> all = new ArrayList<>(tuning);
        all.addAll(heldOut);
        print("corpus replies, steady state", time(checker, all, ROUNDS));
        print("  baseline: the same replies only read by OpenNLP", timeReading(all, ROUNDS));
        List<String> composed = composed(all, 6, 400);
        print("composed 6-sentence replies", time(checker, composed, ROUNDS / 4));
        List<String> longest = composed(all, 30, 100).stream().map(r -> r.length() > ReplyChecker.MAX_LENGTH ? r.substring(0, 1990) : r)
                .toList();
        print("long replies (about 1,500-2,000 characters)", time(checker, longest, 2));
        print("  baseline: the same replies only read by OpenNLP", timeReading(longest, 2));
    }

    private static long[][] time(ReplyChecker checker, List<String> replies, int rounds) {
        return time(replies, rounds, checker::check);
    }

    /** Reading every sentence word by word, as the checker does at most. */
    private static long[][] timeReading(List<String> replies, int rounds) {
        return time(replies, rounds, reply -> EnglishText.sentences(reply).forEach(EnglishText.Sentence::tokens));
    }

    private static long[][] time(List<String> replies, int rounds, Consumer<String> work) {
        long[] wall = new long[replies.size() * rounds];
        long[] cpu = new long[wall.length];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (String reply : replies) {
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                work.accept(reply);
                wall[k] = System.nanoTime() - t;
                cpu[k++] = THREADS.getCurrentThreadCpuTime() - c;
            }
        }
        return new long[][] { wall, cpu };
    }

    /** Replies made of several corpus replies, as a seller who writes a paragraph does. */
    private static List<String> composed(List<String> replies, int sentences, int count) {
        Random random = new Random(15);
        List<String> composed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder reply = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                reply.append(replies.get(random.nextInt(replies.size()))).append(' ');
            }
            composed.add(reply.toString().strip());
        }
        return composed;
    }

    private static void print(String what, long[][] wallAndCpu) {
        System.out.println(what + ", n=" + wallAndCpu[0].length);
        String[] kinds = { "wall", "cpu" };
        for (int i = 0; i < 2; i++) {
            long[] sorted = wallAndCpu[i].clone();
            Arrays.sort(sorted);
            System.out.printf("    %-4s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %8.3f ms%n", kinds[i], at(sorted, 0.50), at(sorted, 0.90),
                    at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double at(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
