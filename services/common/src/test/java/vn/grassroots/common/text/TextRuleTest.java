package vn.grassroots.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What text is accepted at the edge, and why the rest is refused. */
class TextRuleTest {
    static final String UNPAIRED = "contains an unpaired surrogate (invalid UTF-8 or a broken character)";

    @Test
    void vietnameseTextPunctuationAndEmojiAreAccepted() {
        assertNull(TextRule.problem("Nguyễn Thị Ánh – Chi bộ 3 (Hà Đông), “tốt”", false));
        assertNull(TextRule.problem("Đã duyệt 👍", false), "a surrogate pair is one character");
        assertNull(TextRule.problem("", false));
        assertNull(TextRule.problem(null, false));
        assertNull(TextRule.problem(new StringBuilder("any CharSequence"), false));
    }

    @Test
    void tabsAndLineBreaksOnlyInMultiLineFields() {
        for (String s : new String[] {"a\tb", "a\nb", "a\r\nb", "a\rb"}) {
            assertEquals("contains a tab or line break (only multi-line fields may)", TextRule.problem(s, false), s);
            assertNull(TextRule.problem(s, true), s);
        }
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedEverywhere() {
        for (boolean multiLine : new boolean[] {false, true}) {
            assertEquals("contains a NUL character", TextRule.problem("a\u0000b", multiLine));
            assertEquals("contains a control character (U+0001)", TextRule.problem("\u0001", multiLine));
            assertEquals("contains a control character (U+001B)", TextRule.problem("esc\u001b[0m", multiLine));
            assertEquals("contains a control character (U+007F)", TextRule.problem("del\u007f", multiLine));
            assertEquals("contains a control character (U+0085)", TextRule.problem("next line\u0085", multiLine));
            assertEquals("contains a control character (U+009F)", TextRule.problem("\u009f", multiLine));
        }
        assertNull(TextRule.problem("\u00a0no-break space", false), "U+00A0 is past the C1 controls");
    }

    @Test
    void halfACharacterIsRefused() {
        assertEquals(UNPAIRED, TextRule.problem("end \ud83d", false), "a high surrogate at the end");
        assertEquals(UNPAIRED, TextRule.problem("\ud83dx", false), "a high surrogate before a letter");
        assertEquals(UNPAIRED, TextRule.problem("\ud83d\ud83d\udc4d", false), "two highs, one low");
        assertEquals(UNPAIRED, TextRule.problem("\udc4d", false), "a low surrogate alone");
        assertEquals(UNPAIRED, TextRule.problem("\udc4d\ud83d", true), "a pair in the wrong order");
    }

    @Test
    void theReplacementCharacterOfInvalidUtf8IsRefused() {
        assertEquals("contains U+FFFD, the mark of bytes that were not valid UTF-8", TextRule.problem("L\ufffd Văn", true));
    }

    @Test
    void theFirstProblemIsTheOneReported() {
        assertEquals("contains a tab or line break (only multi-line fields may)", TextRule.problem("a\tb\u0000", false));
        assertEquals("contains a NUL character", TextRule.problem("a\tb\u0000", true));
    }
}
