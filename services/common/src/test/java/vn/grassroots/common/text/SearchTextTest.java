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
    void theWordsOfAQueryAreLexemesAndTheLastOneAPrefix() {
        assertEquals("'tran' & 'thi' & 'y':*", SearchText.wordsQuery("Trần Thị Y"));
        assertEquals("'o''brien':*", SearchText.wordsQuery("O'Brien"));
        assertEquals("'a\\\\b':*", SearchText.wordsQuery("a\\b"));
        // a word longer than a lexeme may be is looked up by its first 100 letters, as a prefix
        String q = SearchText.wordsQuery("x".repeat(150) + " van");
        assertEquals("'" + "x".repeat(100) + "':* & 'van':*", q);
    }

    @Test
    void thePhraseMatchesFromTheStartOfAWordWithLikeWildcardsEscaped() {
        assertEquals("% tran thi y%", SearchText.wordStartPattern("Trần Thị Y"));
        assertEquals("% 100\\% a\\_b%", SearchText.wordStartPattern("100% a_b"));
        assertTrue((" " + SearchText.normalize("Nguyễn Trần Thị Yên")).matches(".* tran thi y.*"));
    }
}
