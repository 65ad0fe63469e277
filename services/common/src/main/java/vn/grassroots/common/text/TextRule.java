package vn.grassroots.common.text;

/**
 * What text this platform accepts, checked once at the edge (JSON strings, query and path parameters, CSV cells), so
 * that nothing PostgreSQL cannot store, or a reader cannot see, reaches the database: no NUL or other control character
 * (tab, line feed and carriage return only in multi-line fields), no lone UTF-16 surrogate (what invalid UTF-8 and
 * half an emoji decode to).
 */
public final class TextRule {
    private TextRule() {}

    /** Why the text is refused, or null when it is acceptable. */
    public static String problem(CharSequence text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!multiLine) {
                    return "contains a tab or line break (only multi-line fields may)";
                }
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "contains a control character (U+%04X)".formatted((int) c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains an unpaired surrogate (invalid UTF-8 or a broken character)";
                }
            } else if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (invalid UTF-8 or a broken character)";
            } else if (c == '\uFFFD') {
                return "contains U+FFFD, the mark of bytes that were not valid UTF-8";
            }
        }
        return null;
    }
}
