package com.kingstonexpress.messaging.reply;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;

/**
 * The reply checker on the frozen held-out sets (reply-corpus/heldout): replies written and committed
 * before the rules they measure were tuned, never used to tune them (the README tells the order). The bar
 * is the issue's: MSG_GUARANTEED_DATE precision >= 0.98 and recall >= 0.95, MSG_BLAME and MSG_TONE
 * precision and recall >= 0.90, each asserted where the set has enough positives of the rule to measure it
 * (the second set has 10 promises: one miss would be 0.90, so its promise figures are printed only).
 */
class ReplyHeldOutTest {

    private static final ReplyChecker CHECKER = new ReplyChecker();
    /** Positives a set needs before a rule's bar is asserted on it: below that one reply moves recall by over 0.05. */
    private static final int MEASURABLE = 20;

    @ParameterizedTest
    @ValueSource(strings = { "heldout/replies-heldout.tsv", "heldout/replies-heldout-2.tsv" })
    void theRulesMeetTheBarOnRepliesTheyWereNeverTunedOn(String file) {
        List<LabelledReplies.Example> heldOut = LabelledReplies.loadFile(file);
        Map<ReplyRule, LabelledReplies.Score> scores = LabelledReplies.measure(CHECKER, "frozen held-out set " + file, heldOut);

        assertTrue(heldOut.size() >= 70, file + " has " + heldOut.size() + " replies");
        LabelledReplies.Score promises = scores.get(ReplyRule.MSG_GUARANTEED_DATE);
        if (promises.positives() >= MEASURABLE) {
            assertTrue(promises.precision() >= 0.98, "MSG_GUARANTEED_DATE held-out precision " + promises.precision());
            assertTrue(promises.recall() >= 0.95, "MSG_GUARANTEED_DATE held-out recall " + promises.recall());
        }
        for (ReplyRule rule : List.of(ReplyRule.MSG_BLAME, ReplyRule.MSG_TONE)) {
            LabelledReplies.Score s = scores.get(rule);
            assertTrue(s.positives() >= MEASURABLE, rule + " has too few held-out positives in " + file);
            assertTrue(s.precision() >= 0.90 && s.recall() >= 0.90, rule + " held-out " + s);
        }
    }

    @Test
    void theHeldOutSetsTogetherAreLargeEnoughToMeanSomething() {
        assertTrue(LabelledReplies.load("heldout").size() >= 150);
    }
}
