package vn.grassroots.common.paging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.web.RequestPath;

/** Keyset cursors: opaque, tied to the list that issued them, and pages of limit + 1 rows. */
class CursorTest {

    @AfterEach
    void noRequest() {
        MDC.remove(RequestPath.MDC_KEY);
    }

    @Test
    void aCursorGivesBackItsKeysToTheListThatIssuedIt() {
        MDC.put(RequestPath.MDC_KEY, "/api/v1/members");
        String c = Cursor.encode("nguyen van a", "42");
        assertArrayEquals(new String[] {"nguyen van a", "42"}, Cursor.decode(c, 2));
        assertNull(Cursor.decode(null, 2));
        assertNull(Cursor.decode(" ", 2));
        // another list, another number of keys, or garbage: 400 naming the cursor
        MDC.put(RequestPath.MDC_KEY, "/api/v1/meetings");
        ProblemException other = assertThrows(ProblemException.class, () -> Cursor.decode(c, 2));
        assertEquals(400, other.status());
        MDC.put(RequestPath.MDC_KEY, "/api/v1/members");
        assertThrows(ProblemException.class, () -> Cursor.decode(c, 1));
        assertThrows(ProblemException.class, () -> Cursor.decode("not base64 !", 2));
        assertThrows(ProblemException.class, () -> Cursor.number("x"));
        assertEquals(7L, Cursor.number("7"));
        assertThrows(ProblemException.class, () -> Cursor.id("7"));
        assertEquals(UUID.fromString("10000000-0000-4000-8000-000000000004"), Cursor.id("10000000-0000-4000-8000-000000000004"));
        assertThrows(ProblemException.class, () -> Cursor.instant("2025-13-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-03-01T01:02:03.456Z"), Cursor.instant("2025-03-01T01:02:03.456Z"));
    }

    @Test
    void limitsAreBoundedAndAPageSaysWhetherMoreExist() {
        assertEquals(Cursor.DEFAULT_LIMIT, Cursor.limit(null));
        assertEquals(200, Cursor.limit(200));
        assertThrows(ProblemException.class, () -> Cursor.limit(0));
        assertThrows(ProblemException.class, () -> Cursor.limit(201));

        Page<String> more = Cursor.page(List.of(1, 2, 3), 2, i -> "#" + i, i -> "after" + i);
        assertEquals(List.of("#1", "#2"), more.items());
        assertEquals("after2", more.nextCursor());
        Page<String> last = Cursor.page(List.of(1, 2), 2, i -> "#" + i, i -> "after" + i);
        assertEquals(List.of("#1", "#2"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void theKeysetConditionStartsTheIndexWalkAtTheCursor() {
        assertEquals("m.searchName >= :k and (m.searchName > :k or (m.searchName = :k and m.id > :id))",
                Cursor.after("m.searchName", "m.id", "k", "id"));
    }
}
