package vn.grassroots.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent-insensitive search keys for Vietnamese: "Nguyễn Văn Đức" → "nguyen van duc". */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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

    /** A LIKE pattern matching the normalized text anywhere, with LIKE's wildcards escaped. */
    public static String containsPattern(String query) {
        String n = normalize(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + n + "%";
    }
}
