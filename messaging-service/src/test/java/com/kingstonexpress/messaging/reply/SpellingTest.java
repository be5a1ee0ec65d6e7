package com.kingstonexpress.messaging.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.messaging.language.domain.Spelling;

/** Typos of the words the rules look for are read as those words; other words are left as they are. */
class SpellingTest {

    private static final Set<String> KNOWN = Set.of("tomorrow", "definitely", "guarantee", "delivered", "deliver", "friday", "monday");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "definately, definitely", "defintely, definitely", "tomorow, tomorrow", "tommorow, tomorrow", "gaurantee, guarantee",
            "deliverd, deliver", "firday, friday",
            // untouched: known words, short words, first letters that differ, more than the edits allowed
            "monday, monday", "mon, mon", "sunday, sunday", "money, money", "tomato, tomato", "definition, definition",
    })
    void typosOfKnownWordsAreReadAsThoseWords(String written, String read) {
        assertEquals(read, Spelling.corrected(written, KNOWN));
    }
}
