package vn.grassroots.common.report;

/** A code with the Vietnamese name people read in reports and CSVs (the glossary's term). */
public interface Labelled {
    String vietnamese();

    /**
     * The Vietnamese name of {@code code} in the first of {@code types} (enums) that has it; the code itself when none
     * has it (an old or foreign value), "" for null.
     */
    @SafeVarargs
    static String of(String code, Class<? extends Labelled>... types) {
        if (code == null) {
            return "";
        }
        for (Class<? extends Labelled> type : types) {
            for (Labelled e : type.getEnumConstants()) {
                if (((Enum<?>) e).name().equals(code)) {
                    return e.vietnamese();
                }
            }
        }
        return code;
    }
}
