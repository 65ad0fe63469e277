package vn.grassroots.common.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the units of an import (a meeting with its rows, a rating row) through the service's own rule code, in one
 * transaction per attempt: every unit is tried, in file order, so every refusal is found; with none the attempt commits,
 * with any it rolls back. All-or-nothing stops there. Valid-rows drops the refused units and tries the rest again, until
 * an attempt passes: a unit that passed only because of one refused later (a quota counting a dropped rating) is
 * refused in its turn, so what is written always passed the rules as written.
 */
public final class Attempts {
    private Attempts() {}

    /** Tries the units in order in the current transaction; answers the refused ones with their row errors. */
    @FunctionalInterface
    public interface Attempt<U> {
        Map<U, List<RowError>> apply(List<U> units);
    }

    public record Outcome<U>(List<U> written, Map<U, List<RowError>> refused) {}

    /** Thrown to roll an attempt back. */
    private static final class Refused extends RuntimeException {
        final transient Map<?, List<RowError>> units;

        Refused(Map<?, List<RowError>> units) {
            super(null, null, false, false);
            this.units = units;
        }
    }

    /**
     * {@code write} false (all-or-nothing with rows already refused while reading): one attempt, always rolled back, to
     * report every refusal.
     */
    public static <U> Outcome<U> run(String mode, List<U> units, int timeoutSeconds, boolean write, Attempt<U> attempt) {
        Map<U, List<RowError>> refused = new LinkedHashMap<>();
        List<U> todo = new ArrayList<>(units);
        if (!write) {
            return new Outcome<>(List.of(), todo.isEmpty() ? refused : once(todo, timeoutSeconds, false, attempt));
        }
        while (!todo.isEmpty()) {
            Map<U, List<RowError>> bad = once(todo, timeoutSeconds, true, attempt);
            if (bad.isEmpty()) {
                return new Outcome<>(todo, refused);
            }
            refused.putAll(bad);
            if (CsvImport.ALL_OR_NOTHING.equals(mode)) {
                break;
            }
            todo.removeAll(bad.keySet());
        }
        return new Outcome<>(List.of(), refused);
    }

    @SuppressWarnings("unchecked")
    private static <U> Map<U, List<RowError>> once(List<U> units, int timeoutSeconds, boolean commit, Attempt<U> attempt) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                Map<U, List<RowError>> bad = attempt.apply(units);
                if (!bad.isEmpty() || !commit) {
                    throw new Refused(bad);
                }
                return bad;
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused r) {
                    return (Map<U, List<RowError>>) r.units;
                }
            }
            throw e;
        }
    }
}
