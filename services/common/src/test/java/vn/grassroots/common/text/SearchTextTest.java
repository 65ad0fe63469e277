package vn.grassroots.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accent-free search keys and the two conditions of a name query. */
class SearchTextTest {

    @Test
    void accentsCaseAndSpacesAreIgnoredAndDIsAD() {
        assertEquals("nguyen van duc", SearchText.normalize("  Nguyễn   Văn ĐỨC "));
        assertEquals("lo thi hang", SearchText.normalize("Lò Thị Hằng"));
        // the same letters composed and decomposed give the same key
        assertEquals(SearchText.normalize("Tr\u1EA7n"), SearchText.normalize("Tra\u0302\u0300n"));
        assertNull(SearchText.normalize(null));
    }

    @Test
    void everyRunOfThreeWordsOfAQueryIsALexemeTheLastAPrefix() {
        assertEquals("'tran thi y':*", SearchText.phraseQuery("Trần Thị Y"));
        assertEquals("'yen':*", SearchText.phraseQuery(" Yến "));
        // four words and more: every run of three, only the last one a prefix
        assertEquals("'nam 17 xa' & '17 xa 42':*", SearchText.phraseQuery("Nậm 17 xã 42"));
        assertEquals("'a b c' & 'b c d' & 'c d e':*", SearchText.phraseQuery("a b c d e"));
        assertEquals("'o''brien':*", SearchText.phraseQuery("O'Brien"));
        assertEquals("'a\\\\b':*", SearchText.phraseQuery("a\\b"));
        // a phrase longer than a lexeme may be is looked up by its first 100 letters, as a prefix
        assertEquals("'" + "x".repeat(100) + "':* & 'van thi hoa':*", SearchText.phraseQuery("x".repeat(150) + " van thi hoa"));
    }

    @Test
    void thePhraseMatchesFromTheStartOfAWordWithLikeWildcardsEscaped() {
        assertEquals("% tran thi y%", SearchText.wordStartPattern("Trần Thị Y"));
        assertEquals("% 100\\% a\\_b%", SearchText.wordStartPattern("100% a_b"));
        assertTrue((" " + SearchText.normalize("Nguyễn Trần Thị Yên")).matches(".* tran thi y.*"));
    }
}
