package vn.grassroots.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent-insensitive search keys for Vietnamese: "Nguyễn Văn Đức" → "nguyen van duc". */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The description of every name query parameter {@code q}. */
    public static final String QUERY = "Words of the name, accents ignored, in order and each from the start of a word; the last may be "
            + "cut short: `tran thi y` finds \"Trần Thị Yến\" and \"Nguyễn Trần Thị Yên\", not \"Trang Thị Y\"";

    private static final int LONGEST_WORD = 100;

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
     * the words as a tsquery against the GIN index of the name's words (an index lookup of the rarest word, where a
     * trigram index had to intersect lists holding most names), and the phrase as a LIKE that keeps word order.
     */

    /** The query's words as tsquery text, each a lexeme of the name, the last one also as a prefix: 'tran' & 'thi' & 'y':*. */
    public static String wordsQuery(String query) {
        String[] words = normalize(query).split(" ");
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                q.append(" & ");
            }
            // a lexeme has at most 2 KB; a longer word is looked up by its beginning, the LIKE checks the rest
            boolean cut = words[i].codePointCount(0, words[i].length()) > LONGEST_WORD;
            String word = cut ? words[i].substring(0, words[i].offsetByCodePoints(0, LONGEST_WORD)) : words[i];
            q.append('\'').append(word.replace("\\", "\\\\").replace("'", "''")).append('\'');
            if (cut || i == words.length - 1) {
                q.append(":*");
            }
        }
        return q.toString();
    }

    /** A LIKE pattern for {@code ' ' || search_name}: the query at the start of a word, LIKE's wildcards escaped. */
    public static String wordStartPattern(String query) {
        String n = normalize(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "% " + n + "%";
    }
}
