package vn.grassroots.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.stats.SubtreeCounts;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.membership.domain.MemberFilter;
import vn.grassroots.membership.repository.MemberRepository.Key;

/**
 * The later words of members' names (member_word, V14): the inner list of a one-word name query. The words that start
 * with the query come first (each the next one up the index). For a subtree holding at least {@link #walkShare} of all
 * members, each word's names are read in order, those in the subtree kept, until a page is full, and the words'
 * pages merged: about n / share entries a word. For a smaller one, each word's range of the subtree's paths is read
 * whole and sorted: its matches only. The member's own values are checked only when the list filters on them.
 */
@ApplicationScoped
public class MemberWordRepository implements PanacheRepositoryBase<MemberWord, MemberWord.Key> {
    /** A province of the nation holds 7 %, a district 0.2 % (of a province alone: 3 %, where its range is cheaper). */
    private final double walkShare;

    MemberWordRepository(@ConfigProperty(name = "grassroots.members.word-walk-share", defaultValue = "0.05") double walkShare) {
        this.walkShare = walkShare;
    }

    List<Key> page(MemberFilter f, String cursor, int n, LocalDate today) {
        String[] range = SearchText.startRange(f.nameQuery());
        List<String> words = range[0].isEmpty() ? List.of() : laterWords(range); // accents alone: every name starts so
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder q = new StringBuilder("select w.searchName, w.memberId from MemberWord w"
                + " where w.orgPath is not null and not (w.searchName >= :nameFrom and w.searchName < :nameTo)");
        Map<String, Object> p = new HashMap<>(Map.of("nameFrom", range[0], "nameTo", range[1]));
        MemberRepository.whereSubtree(f, "w.orgPath", q, p);
        StringBuilder own = new StringBuilder();
        MemberRepository.whereOwnValues(f, today, own, p);
        if (!own.isEmpty()) {
            q.append(" and exists (select 1 from Member m where m.id = w.memberId").append(own).append(")");
        }
        String[] after = Cursor.decode(cursor, 2);
        if (share(f) < walkShare) {
            p.put("words", words);
            return distinct(q.append(" and w.word in (:words)"), p, after, n);
        }
        List<Key> merged = new ArrayList<>();
        for (String word : words) { // a member is once per word: the first n of the union are among each word's first n
            p.put("word", word);
            merged.addAll(rows(new StringBuilder(q).append(" and w.word = :word"), p, after, n));
        }
        // ids as PostgreSQL orders uuids (bytes unsigned, as their text), not as UUID.compareTo (signed)
        return merged.stream().sorted(Comparator.comparing(Key::name).thenComparing(k -> k.id().toString())).distinct().limit(n).toList();
    }

    /**
     * The first n members of one read over several words, each once: a name with two later words of the prefix is
     * there twice, side by side (DISTINCT hashed every match, which cost more than reading them); a page short of n
     * after that reads on.
     */
    private List<Key> distinct(StringBuilder q, Map<String, Object> p, String[] after, int n) {
        List<Key> page = new ArrayList<>();
        while (true) {
            List<Key> rows = rows(q, p, after, 2 * n);
            rows.stream().filter(k -> page.isEmpty() || !page.get(page.size() - 1).equals(k)).forEach(page::add);
            if (page.size() >= n || rows.size() < 2 * n) {
                return page.size() > n ? page.subList(0, n) : page;
            }
            after = new String[] {rows.get(rows.size() - 1).name(), rows.get(rows.size() - 1).id().toString()};
        }
    }

    /** The members of the subtree asked for (scope and organization) as a share of all members, from their counts. */
    private double share(MemberFilter f) {
        String path = f.withinPath();
        if (path == null || (f.scope().prefix() != null && f.scope().prefix().length() > path.length())) {
            path = f.scope().prefix();
        }
        if (path == null) {
            return 1;
        }
        String[] ids = path.split("/");
        long all = members(null);
        return all == 0 ? 1 : (double) members(UUID.fromString(ids[ids.length - 1])) / all;
    }

    private long members(UUID organizationId) {
        return SubtreeCounts.read(getEntityManager(), organizationId, "member_status").get("member_status").values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /** The words of member_word in [from, to): each the next one up its index, not a scan of the range. */
    @SuppressWarnings("unchecked")
    private List<String> laterWords(String[] range) {
        return getEntityManager().createNativeQuery("""
                WITH RECURSIVE w(word) AS (
                    SELECT min(word) FROM member_word WHERE word >= cast(:from AS varchar) AND word < cast(:to AS varchar)
                  UNION ALL
                    SELECT (SELECT min(word) FROM member_word WHERE word > w.word AND word < cast(:to AS varchar))
                    FROM w WHERE w.word IS NOT NULL)
                SELECT word FROM w WHERE word IS NOT NULL""", String.class)
                .setParameter("from", range[0]).setParameter("to", range[1]).getResultList();
    }

    private List<Key> rows(StringBuilder where, Map<String, Object> params, String[] after, int limit) {
        StringBuilder q = new StringBuilder(where);
        Map<String, Object> p = new HashMap<>(params);
        if (after != null) {
            q.append(" and ").append(Cursor.after("w.searchName", "w.memberId", "afterName", "afterId"));
            p.put("afterName", after[0]);
            p.put("afterId", Cursor.id(after[1]));
        }
        TypedQuery<Object[]> keys = getEntityManager().createQuery(q.append(" order by w.searchName, w.memberId").toString(), Object[].class);
        p.forEach(keys::setParameter);
        return keys.setMaxResults(limit).getResultList().stream().map(r -> new Key((String) r[0], (UUID) r[1])).toList();
    }
}
