package com.kingstonexpress.messaging.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;
import com.kingstonexpress.messaging.reply.domain.ReplyRule;
import com.kingstonexpress.messaging.reply.domain.Severity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** The reply checker's behaviour, rule by rule; ReplyCorpusTest measures it on a larger corpus. */
class ReplyCheckerTest {

    private final ReplyChecker checker = new ReplyChecker();

    private List<String> ruleIds(String reply) {
        return checker.check(reply).stream().map(Finding::ruleId).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the examples
            "it'll be there Friday for sure                                             | MSG_GUARANTEED_DATE",
            "100% arrives tomorrow                                                      | MSG_GUARANTEED_DATE",
            "guaranteed delivery by the 5th                                             | MSG_GUARANTEED_DATE",
            "estimated delivery is Friday, though we cannot guarantee it                |",
            "tracking shows it is out for delivery                                      |",
            // certainty markers, negated markers and hedges
            "It will definitely arrive tomorrow.                                        | MSG_GUARANTEED_DATE",
            "I can't say for sure it will arrive tomorrow.                              |",
            "It should arrive tomorrow.                                                 |",
            "It should arrive tomorrow. It will be there Friday for sure.               | MSG_GUARANTEED_DATE",
            "We hope it will be with you by Thursday.                                   |",
            "It will arrive on Friday. That is an estimate, not a guarantee.            |",
            "I promise you, it will be with you on Thursday.                            | MSG_GUARANTEED_DATE",
            "I promise to keep you updated today.                                       |",
            "It was definitely delivered today.                                         |",
            "Will it arrive by Friday?                                                  |",
            "We guarantee it ships on Monday.                                           |",
            "I can't guarantee Friday, but it's definitely arriving by Monday.          | MSG_GUARANTEED_DATE",
            "Should you have any questions, ask; it will arrive on Friday.              | MSG_GUARANTEED_DATE",
            "Should you need anything else, it should arrive on Friday.                 |",
            "Our 1.5 kg kettle will arrive by the 12th.                                 | MSG_GUARANTEED_DATE",
            // the phrasings issue #15 found missed: a hyphenated relative day, an adjective of certainty with a window,
            // a weekday with a trailing marker and no delivery verb
            "We guarantee next-day delivery.                                            | MSG_GUARANTEED_DATE",
            "Your parcel is certain to reach you within 3 days.                         | MSG_GUARANTEED_DATE",
            "Expect it Friday for sure.                                                 | MSG_GUARANTEED_DATE",
            "Next-day delivery isn't available for this item.                           |",
            "It's not certain to reach you within 3 days.                               |",
            "Expect an email on Friday.                                                 |",
            // words, not spellings: inflections, typos, quoted customer text, reports
            "The parcel arrives tommorow, definately.                                   | MSG_GUARANTEED_DATE",
            "You wrote \"it must arrive by Friday\", and I'm chasing the carrier.         |",
            "Order KX-1042 is marked as delivered on 14 May.                            |",
            "If it hasn't arrived by Monday, let me know.                               |",
            // blame
            "The courier lost your parcel, sorry.                                       | MSG_BLAME",
            "You entered the wrong postcode.                                            | MSG_BLAME",
            "It's not your fault at all.                                                |",
            "The carrier reported a failed delivery attempt.                            |",
            "You should have received an email yesterday.                               |",
            // tone
            "PLEASE STOP MESSAGING US.                                                  | MSG_TONE",
            "Your tracking number is RP123456789GB and the ETA from DPD is in the FAQ.  |",
            "What the hell happened here?                                               | MSG_TONE",
            "Hello, thanks for your message.                                            |",
            "I'll deal with it today and update you.                                    |",
            "Once things calm down after the holidays, deliveries speed up.             |",
            "Just deal with it.                                                         | MSG_TONE",
            // dismissive without insults
            "As I already said, read my last message.                                   | MSG_TONE",
            "You're making a big fuss over nothing.                                     | MSG_TONE",
            "As mentioned in my last message, tracking estimates Thursday.              |",
            "It has a UK plug (BS 1363).                                                |",
    })
    void findsWhatTheGuideForbids(String reply, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected.strip()), ruleIds(reply.strip()));
    }

    @Test
    void aFindingQuotesTheSentenceAndSaysWhyAndWhatToWriteInstead() {
        List<Finding> findings = checker.check("Thanks for waiting! It will definitely arrive tomorrow. Have a nice day.");
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("It will definitely arrive tomorrow.", f.excerpt());
        assertTrue(f.reason().contains("Never promise guaranteed delivery dates"), f.reason());
        assertTrue(f.suggestion().contains("estimates delivery tomorrow"), f.suggestion());
    }

    @Test
    void eachOffendingSentenceIsItsOwnFinding() {
        assertEquals(List.of("MSG_GUARANTEED_DATE", "MSG_GUARANTEED_DATE"),
                ruleIds("It will arrive tomorrow. The other one will definitely be there on Friday."));
    }

    @Test
    void emptyAndOverlongRepliesAreBlocked() {
        assertEquals(List.of("MSG_EMPTY"), ruleIds(""));
        assertEquals(List.of("MSG_EMPTY"), ruleIds(" \n\t "));
        assertEquals(List.of("MSG_EMPTY"), ruleIds("..."));
        assertEquals(List.of("MSG_EMPTY"), ruleIds(null));
        assertEquals(List.of(), ruleIds("x".repeat(ReplyChecker.MAX_LENGTH)));
        assertEquals(List.of("MSG_TOO_LONG"), ruleIds("x".repeat(ReplyChecker.MAX_LENGTH + 1)));
        assertEquals(List.of(), ruleIds("  " + "x".repeat(ReplyChecker.MAX_LENGTH) + "  "), "surrounding whitespace does not count");
        assertEquals(Severity.BLOCK, ReplyRule.MSG_TOO_LONG.severity());
        assertEquals(Severity.BLOCK, ReplyRule.MSG_EMPTY.severity());
    }

    @Test
    void onlyWarningsCanBeOverridden() {
        assertTrue(ReplyRule.MSG_BLAME.overridable());
        assertTrue(ReplyRule.MSG_TONE.overridable());
        assertTrue(!ReplyRule.MSG_GUARANTEED_DATE.overridable());
    }

    @Property(tries = 300)
    void anyTextIsCheckedWithoutFailingAndEveryFindingQuotesTheReply(@ForAll @StringLength(max = 2100) String reply) {
        for (Finding f : checker.check(reply)) {
            assertTrue(f.excerpt() != null && f.reason() != null && f.suggestion() != null);
            assertTrue(f.excerpt().length() <= 161, f.excerpt());
        }
    }
}
