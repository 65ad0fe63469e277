package vn.grassroots.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The subtree at a path is one range of paths, and a scope is such a range or everything. */
class SubtreeTest {

    @Test
    void aSubtreeIsTheRangeFromItsPathToThePathWithZeroForTheLastSlash() {
        assertEquals("(o.path >= :subFrom AND o.path < :subTo)", Subtree.condition("o.path", "sub"));
        Map<String, Object> p = new HashMap<>();
        Subtree.bind(p::put, "sub", "/a/b/");
        assertEquals(Map.of("subFrom", "/a/b/", "subTo", "/a/b0"), p);
        // in C collation every path below /a/b/ lies in the range, a sibling sharing its start does not
        String from = (String) p.get("subFrom"), to = (String) p.get("subTo");
        for (String inside : new String[] {"/a/b/", "/a/b/c/", "/a/b/zzz/y/"}) {
            assertTrue(inside.compareTo(from) >= 0 && inside.compareTo(to) < 0, inside);
        }
        for (String outside : new String[] {"/a/bc/", "/a/b0/", "/a/", "/a/c/"}) {
            assertFalse(outside.compareTo(from) >= 0 && outside.compareTo(to) < 0, outside);
        }
        assertThrows(IllegalArgumentException.class, () -> Subtree.bind(p::put, "sub", "/a/b"));
        assertThrows(IllegalArgumentException.class, () -> Subtree.bind(p::put, "sub", null));
    }

    @Test
    void aScopeIsASubtreeOrTheWholeTree() {
        Scope district = new Scope("/p/d/");
        assertTrue(district.contains("/p/d/c/"));
        assertFalse(district.contains("/p/e/"));
        assertFalse(district.contains(null));
        assertEquals("(m.org_path >= :scopeFrom AND m.org_path < :scopeTo)", district.sql("m.org_path", "scope"));
        Map<String, Object> p = new HashMap<>();
        district.bind(p::put, "scope");
        assertEquals("/p/d0", p.get("scopeTo"));

        assertTrue(Scope.ALL.isAll());
        assertTrue(Scope.ALL.contains("/anything/"));
        assertEquals("TRUE", Scope.ALL.sql("m.org_path", "scope"));
        Map<String, Object> none = new HashMap<>();
        Scope.ALL.bind(none::put, "scope");
        assertTrue(none.isEmpty());
    }
}
