package vn.grassroots.common.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent-insensitive search keys for Vietnamese: "Nguyễn Văn Đức" → "nguyen van duc". */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The description of every name query parameter {@code q}. */
    public static final String QUERY = "Words of the name, accents ignored, in order and each from the start of a word; the last may be "
            + "cut short: `tran thi y` finds \"Trần Thị Yến\" and \"Nguyễn Trần Thị Yên\", not \"Trang Thị Y\"";

    private static final int LONGEST_PHRASE = 100;

    private SearchText() {}

    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        // đ/Đ are letters of their own, not a d with a combining mark, so NFD leaves them alone.
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    }

    /*
     * A name query matches the names holding its words in its order from the start of a word, the last word possibly
     * cut short: "tran thi y" finds "Trần Thị Yến" and "Nguyễn Trần Thị Yên", not "Trang Thị Y". Two conditions say it:
     * the phrase as a tsquery against a GIN index holding, for each word of a name, the phrase of up to three words that
     * starts there (name_phrases in the migrations; an index of single words had to intersect lists as long as 'thi'),
     * and the phrase as a LIKE, which checks that a longer query's runs of three stand together and in order. Members,
     * the longest list, also take the names that start with the query as a range of their name index (startRange), and
     * their phrase index holds only the phrases from the second word on.
     */

    /** Words from each word of a name that make one lexeme of its index (name_phrases in the migrations). */
    private static final int PHRASE_WORDS = 3;

    /**
     * The query as tsquery text: each run of three words in it as a lexeme of the phrase index, the one ending with the
     * query's last word a prefix (that word may be cut short): 'tran thi y':*, 'nam 17 xa' & '17 xa 42':*.
     */
    public static String phraseQuery(String query) {
        String[] words = normalize(query).split(" ");
        int runs = Math.max(1, words.length - PHRASE_WORDS + 1);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            String phrase = String.join(" ", Arrays.copyOfRange(words, i, Math.min(words.length, i + PHRASE_WORDS)));
            // a lexeme has at most 2 KB; name_phrases cuts a longer phrase where this does, and the LIKE checks the rest
            boolean cut = phrase.codePointCount(0, phrase.length()) > LONGEST_PHRASE;
            if (cut) {
                phrase = phrase.substring(0, phrase.offsetByCodePoints(0, LONGEST_PHRASE));
            }
            q.append(i > 0 ? " & '" : "'").append(phrase.replace("\\", "\\\\").replace("'", "''")).append('\'');
            if (cut || i == runs - 1) {
                q.append(":*");
            }
        }
        return q.toString();
    }

    /**
     * The names that start with the query, as a range {@code [from, to)} of search_name in code point order (the
     * databases' collation is C.UTF-8): the query and the query followed by the last code point.
     */
    public static String[] startRange(String query) {
        String from = normalize(query);
        return new String[] {from, from + new String(Character.toChars(Character.MAX_CODE_POINT))};
    }

    /** A LIKE pattern for {@code ' ' || search_name}: the query at the start of a word, LIKE's wildcards escaped. */
    public static String wordStartPattern(String query) {
        String n = normalize(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "% " + n + "%";
    }
}
