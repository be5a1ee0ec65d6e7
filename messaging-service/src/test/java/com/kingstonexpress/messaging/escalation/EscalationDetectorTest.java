package com.kingstonexpress.messaging.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.messaging.escalation.domain.Escalation;
import com.kingstonexpress.messaging.escalation.domain.EscalationDetector;
import com.kingstonexpress.messaging.escalation.domain.EscalationSignal;

class EscalationDetectorTest {

    private final EscalationDetector detector = new EscalationDetector(3);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Where is my order?                                                  | ",
            "I will open a dispute if this isn't sorted today.                   | DISPUTE_THREAT",
            "I'm going to file a chargeback with my bank.                        | CHARGEBACK_THREAT",
            "I'll contact my bank and get my money back.                         | CHARGEBACK_THREAT",
            "Expect a 1-star review.                                             | BAD_REVIEW_THREAT",
            "I will leave a negative review and warn other buyers.               | BAD_REVIEW_THREAT",
            "My solicitor will be in touch.                                      | LEGAL_THREAT",
            "I'm reporting you to trading standards.                             | LEGAL_THREAT",
            "WHERE IS MY BLOODY PARCEL                                           | AGGRESSIVE_LANGUAGE",
            "You are useless idiots.                                             | AGGRESSIVE_LANGUAGE",
            "I want a refund or I'll sue you and post a bad review everywhere.    | LEGAL_THREAT,BAD_REVIEW_THREAT",
            "Thanks, it arrived! Lovely kettle, I will leave a good review.      | ",
            "Could you give me the courier's phone number?                       | ",
            "Thanks, Sue                                                         | ",
            "I will sue you if this is not fixed.                                | LEGAL_THREAT",
    })
    void readsThreatsAndAggression(String message, String expected) {
        Set<EscalationSignal> want = expected == null ? Set.of()
                : Arrays.stream(expected.split(",")).map(String::strip).map(EscalationSignal::valueOf).collect(Collectors.toSet());
        assertEquals(want, detector.inspect(message.strip(), 1).signals());
    }

    @Test
    void theUnansweredStreakEscalatesOnceWhenItReachesTheThreshold() {
        assertFalse(detector.inspect("Any update?", 2).detected());
        Escalation third = detector.inspect("Any update?", 3);
        assertEquals(Set.of(EscalationSignal.REPEATED_UNANSWERED), third.signals());
        assertEquals("Any update?", third.excerpt());
        assertFalse(detector.inspect("Any update?", 4).detected(), "support already has this streak");
        assertEquals(Set.of(EscalationSignal.REPEATED_UNANSWERED, EscalationSignal.CHARGEBACK_THREAT),
                detector.inspect("Fine, chargeback it is.", 5).signals());
    }

    @Test
    void theExcerptIsTheSentenceThatEscalates() {
        Escalation e = detector.inspect("Hello. I ordered a kettle two weeks ago. If it is not here by Monday I will open a dispute. Thanks.", 1);
        assertEquals("If it is not here by Monday I will open a dispute.", e.excerpt());
    }

    @Test
    void aStreakOfOneIsNoStreak() {
        assertThrows(IllegalArgumentException.class, () -> new EscalationDetector(1));
    }
}
