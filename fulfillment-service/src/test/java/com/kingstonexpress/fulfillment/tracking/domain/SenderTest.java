package com.kingstonexpress.fulfillment.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** #12 L4: a sender id from the request path cannot forge or flood log lines. */
class SenderTest {

    @Test
    void anOrdinarySenderIdIsLoggedAsItIs() {
        assertEquals("center-london-1", Sender.loggable("center-london-1"));
        assertEquals("royal_parcel.v2", Sender.loggable("royal_parcel.v2"));
        assertEquals("-", Sender.loggable(null));
    }

    @Test
    void newlinesAndControlCharactersCannotStartAForgedLine() {
        String forged = "c1\r\n12:00:00.000 INFO  [c.k.f.t.WebhookGate] webhook from center-london-1 accepted\u0000\u001b[31m";
        String logged = Sender.loggable(forged);
        assertFalse(logged.chars().anyMatch(c -> c < 0x20 || c == 0x7f), logged);
        assertEquals("c1??12?00?00.000?INFO??", logged.substring(0, 23));
        assertEquals(forged.length(), logged.length(), "one '?' per character replaced, nothing dropped");
    }

    @Test
    void nonAsciiAndSeparatorsAreReplacedToo() {
        assertEquals("??20???center?1", Sender.loggable("é%20/\u2028\tcenter 1"));
    }

    @Test
    void aLongIdIsCutAt100Characters() {
        String logged = Sender.loggable("x".repeat(10_000));
        assertEquals("x".repeat(100), logged);
        assertEquals("a".repeat(99) + "?", Sender.loggable("a".repeat(99) + "\n" + "b".repeat(50)));
    }
}
