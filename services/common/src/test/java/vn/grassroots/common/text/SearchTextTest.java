package vn.grassroots.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    @Test
    void theNamesStartingWithAQueryAreARangeInCodePointOrder() {
        String[] range = SearchText.startRange("Nguyễn Văn");
        assertEquals("nguyen van", range[0]);
        for (String name : new String[] {"nguyen van", "nguyen van a", "nguyen vanh", "nguyen van \uD83D\uDE00"}) {
            assertTrue(inRange(name, range), name);
        }
        for (String name : new String[] {"nguyen va", "nguyen vam", "nguyen vao", "nguyeo", "nguyen"}) {
            assertFalse(inRange(name, range), name);
        }
    }

    /** As PostgreSQL compares under the C.UTF-8 collation: by code points. */
    private static boolean inRange(String name, String[] range) {
        int[] n = name.codePoints().toArray();
        return Arrays.compare(n, range[0].codePoints().toArray()) >= 0 && Arrays.compare(n, range[1].codePoints().toArray()) < 0;
    }
}
