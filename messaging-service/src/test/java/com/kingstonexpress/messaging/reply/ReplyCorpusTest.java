package com.kingstonexpress.messaging.reply;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;

/**
 * The reply checker on the tuning corpus (reply-corpus/tuning, one file per phrasing family): the replies
 * the rules were developed against, so these figures are optimistic. {@link ReplyHeldOutTest} gives the
 * honest ones. The README quotes both.
 */
class ReplyCorpusTest {

    private static List<LabelledReplies.Example> corpus;
    private static Map<ReplyRule, LabelledReplies.Score> scores;

    @BeforeAll
    static void measure() {
        corpus = LabelledReplies.load("tuning");
        scores = LabelledReplies.measure(new ReplyChecker(), "tuning corpus (reply-corpus/tuning)", corpus);
    }

    @Test
    void theCorpusIsLargeAndCoversEveryRule() {
        assertTrue(corpus.size() >= 600, "at least 600 labelled replies, found " + corpus.size());
        for (ReplyRule rule : ReplyRule.values()) {
            assertTrue(corpus.stream().anyMatch(e -> e.expected().contains(rule)), "the corpus has examples of " + rule);
        }
        assertTrue(corpus.stream().filter(e -> e.expected().isEmpty()).count() >= 250, "and plenty of replies that break no rule");
    }

    @Test
    void guaranteedDatePromisesAreCaughtPreciselyAndReliably() {
        LabelledReplies.Score s = scores.get(ReplyRule.MSG_GUARANTEED_DATE);
        assertTrue(s.precision() >= 0.98, "MSG_GUARANTEED_DATE precision " + s.precision());
        assertTrue(s.recall() >= 0.95, "MSG_GUARANTEED_DATE recall " + s.recall());
    }

    @Test
    void theWarningsAndLimitsAreUsefulToo() {
        for (ReplyRule rule : List.of(ReplyRule.MSG_BLAME, ReplyRule.MSG_TONE)) {
            assertTrue(scores.get(rule).precision() >= 0.90 && scores.get(rule).recall() >= 0.90, rule + " " + scores.get(rule));
        }
        for (ReplyRule rule : List.of(ReplyRule.MSG_EMPTY, ReplyRule.MSG_TOO_LONG)) {
            assertTrue(scores.get(rule).precision() == 1.0 && scores.get(rule).recall() == 1.0, rule + " " + scores.get(rule));
        }
    }
}
