package vn.grassroots.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.AvailableHints;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.membership.domain.AgeBand;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberFilter;
import vn.grassroots.membership.domain.MemberStatus;

/**
 * Members in PostgreSQL. A member's place in the tree is the path of their organization in the read model, copied onto
 * the member by the database (member.org_path, V9): every scope or subtree filter is a range on it, a member of an
 * organization not in the read model yet is in no list; lists are keyset pages ordered by (search_name, id).
 */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {
    private final MemberWordRepository words;

    /** A name query's two lists: the names that start with it, and those holding it from their second word on (V13). */
    private static final String STARTS = "m.searchName >= :nameFrom and m.searchName < :nameTo";
    private static final String INNER = "function('name_inner_matches', m.searchName, :phrase) = true and concat(' ', m.searchName) like :q";

    MemberRepository(MemberWordRepository words) {
        this.words = words;
    }

    /** A member with the name of their organization. */
    public record Row(Member member, String organizationName) {}

    public boolean cardTaken(String card, UUID exceptId) {
        return card != null && count("partyCardNumber = ?1 and id <> ?2", card, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /**
     * A page by name, in two steps: the ids of the page first, then only those members and their organizations' names.
     * Without a name query the ids come from an index-only walk of member_name_path in name order, keeping the members
     * whose path is in the subtree; with one, they are the first of two lists merged ({@link #byName}).
     */
    public List<Row> list(MemberFilter f, String cursor, int limit, LocalDate today) {
        List<UUID> ids = hasName(f) ? byName(f, cursor, limit + 1, today)
                : keys(f, cursor, limit + 1, today, "", "m.searchName").stream().map(Key::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Row> rows = new HashMap<>();
        getEntityManager().createQuery("select m, o.name from Member m, OrgRef o where o.id = m.organizationId and m.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> rows.put(((Member) r[0]).id, new Row((Member) r[0], (String) r[1])));
        return ids.stream().map(rows::get).toList();
    }

    /** A member's place in a list: the name, then the id. */
    record Key(String name, UUID id) {}

    /**
     * The names that start with the query are a range of member_name_path: read in name order, a page of a family name
     * as common as 'nguyen' stops after its first rows. The names where the query starts at a later word come from the
     * index of inner phrases (V13), all of them, sorted by an expression so that the planner cannot walk the name index
     * hoping to meet them early (for a query matching nothing it walked all 5.6 million names); for a one-word query,
     * which a later word of most names may match, from member_word ({@link MemberWordRepository}). No name is in both lists,
     * so merging them by name alone keeps the (name, id) order of each.
     */
    private List<UUID> byName(MemberFilter f, String cursor, int n, LocalDate today) {
        List<Key> starting = keys(f, cursor, n, today, " and " + STARTS, "m.searchName");
        List<Key> inner = SearchText.normalize(f.nameQuery()).contains(" ")
                ? keys(f, cursor, n, today, " and " + INNER + " and not (" + STARTS + ")", "concat(m.searchName, '')")
                : words.page(f, cursor, n, today);
        List<UUID> ids = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (ids.size() < n && (i < starting.size() || j < inner.size())) {
            boolean first = j == inner.size() || i < starting.size() && starting.get(i).name().compareTo(inner.get(j).name()) < 0;
            ids.add(first ? starting.get(i++).id() : inner.get(j++).id());
        }
        return ids;
    }

    /** The (name, id) of the first {@code n} members of the list after the cursor, with a condition more. */
    private List<Key> keys(MemberFilter f, String cursor, int n, LocalDate today, String condition, String nameOrder) {
        StringBuilder q = new StringBuilder("select m.searchName, m.id from Member m where m.orgPath is not null");
        Map<String, Object> p = new HashMap<>();
        whereExceptName(f, today, q, p);
        if (!condition.isEmpty()) {
            q.append(condition);
            bindName(f.nameQuery(), condition, p);
        }
        String[] after = Cursor.decode(cursor, 2);
        if (after != null) {
            q.append(" and ").append(Cursor.after("m.searchName", "m.id", "afterName", "afterId"));
            p.put("afterName", after[0]);
            p.put("afterId", Cursor.id(after[1]));
        }
        q.append(" order by ").append(nameOrder).append(", m.id");
        TypedQuery<Object[]> keys = getEntityManager().createQuery(q.toString(), Object[].class);
        p.forEach(keys::setParameter);
        return keys.setMaxResults(n).getResultList().stream().map(r -> new Key((String) r[0], (UUID) r[1])).toList();
    }

    /** How many members the list holds in all. */
    public long count(MemberFilter f, LocalDate today) {
        StringBuilder q = new StringBuilder("select count(*) from Member m where m.orgPath is not null");
        Map<String, Object> p = new HashMap<>();
        where(f, today, q, p);
        var query = getEntityManager().createQuery(q.toString(), Long.class);
        p.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * Every member of the list by name, with their organization's name, as the columns given (JPQL paths of m), read
     * through a cursor: one range of member_org_path and one sort for a subtree, and no entity kept in memory.
     */
    public void stream(MemberFilter f, LocalDate today, String columns, Consumer<Object[]> each) {
        StringBuilder q = new StringBuilder("select " + columns + ", o.name from Member m, OrgRef o where o.id = m.organizationId");
        Map<String, Object> p = new HashMap<>();
        where(f, today, q, p);
        q.append(" order by m.searchName, m.id");
        var query = getEntityManager().createQuery(q.toString(), Object[].class).setHint(AvailableHints.HINT_FETCH_SIZE, 1000);
        p.forEach(query::setParameter);
        try (Stream<Object[]> rows = query.getResultStream()) {
            rows.forEach(each);
        }
    }

    /** The filters, a name query as both its lists: the names starting with it or holding it from a later word. */
    private static void where(MemberFilter f, LocalDate today, StringBuilder q, Map<String, Object> p) {
        whereExceptName(f, today, q, p);
        if (hasName(f)) {
            q.append(" and (").append(STARTS).append(" or ").append(INNER).append(")");
            bindName(f.nameQuery(), INNER, p);
        }
    }

    private static boolean hasName(MemberFilter f) {
        return f.nameQuery() != null && !f.nameQuery().isBlank();
    }

    /** Binds the parameters of {@link #STARTS}, and of {@link #INNER} where the query has them. */
    private static void bindName(String query, String jpql, Map<String, Object> p) {
        String[] range = SearchText.startRange(query);
        p.put("nameFrom", range[0]);
        p.put("nameTo", range[1]);
        if (jpql.contains(":phrase")) {
            p.put("phrase", SearchText.phraseQuery(query));
            p.put("q", SearchText.wordStartPattern(query));
        }
    }

    private static void whereExceptName(MemberFilter f, LocalDate today, StringBuilder q, Map<String, Object> p) {
        whereSubtree(f, "m.orgPath", q, p);
        whereOwnValues(f, today, q, p);
    }

    /** The caller's scope and the subtree asked for, on a column holding the member's organization's path. */
    static void whereSubtree(MemberFilter f, String pathColumn, StringBuilder q, Map<String, Object> p) {
        if (!f.scope().isAll()) {
            q.append(" and ").append(Subtree.condition(pathColumn, "scope"));
            f.scope().bind(p::put, "scope");
        }
        if (f.withinPath() != null) {
            q.append(" and ").append(Subtree.condition(pathColumn, "within"));
            Subtree.bind(p::put, "within", f.withinPath());
        }
    }

    /** The filters on the member's row itself (m): the member, the organization, and {@link #whereValues}. */
    static void whereOwnValues(MemberFilter f, LocalDate today, StringBuilder q, Map<String, Object> p) {
        if (f.onlyMemberId() != null) {
            q.append(" and m.id = :self");
            p.put("self", f.onlyMemberId());
        }
        if (f.organizationId() != null) {
            q.append(" and m.organizationId = :org");
            p.put("org", f.organizationId());
        }
        whereValues(f, today, q, p);
    }

    /** The filters on the member's own values: card, status, gender, theory level, age, admission, probation. */
    private static void whereValues(MemberFilter f, LocalDate today, StringBuilder q, Map<String, Object> p) {
        if (f.partyCardNumber() != null && !f.partyCardNumber().isBlank()) {
            q.append(" and m.partyCardNumber = :card");
            p.put("card", f.partyCardNumber().trim());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            q.append(" and m.status in (:statuses)");
            p.put("statuses", f.statuses());
        }
        if (f.genders() != null && !f.genders().isEmpty()) {
            q.append(" and m.gender in (:genders)");
            p.put("genders", f.genders());
        }
        if (f.theoryLevels() != null && !f.theoryLevels().isEmpty()) {
            q.append(" and m.theoryLevel in (:levels)");
            p.put("levels", f.theoryLevels());
        }
        if (f.ageBands() != null && !f.ageBands().isEmpty()) {
            whereAgeBands(f.ageBands(), today, q, p);
        }
        whereDates(f, q, p);
    }

    private static void whereAgeBands(List<AgeBand> bands, LocalDate today, StringBuilder q, Map<String, Object> p) {
        List<String> ors = new ArrayList<>();
        int i = 0;
        for (AgeBand band : bands) {
            ors.add("(m.birthDate > :bornAfter" + i + " and m.birthDate <= :bornBy" + i + ")");
            p.put("bornAfter" + i, band.bornAfter(today));
            p.put("bornBy" + i, band.bornOnOrBefore(today));
            i++;
        }
        q.append(" and (").append(String.join(" or ", ors)).append(")");
    }

    /** Admission year, probation ending by a date, and members left in a dissolved or merged organization. */
    private static void whereDates(MemberFilter f, StringBuilder q, Map<String, Object> p) {
        if (f.admissionYear() != null) {
            q.append(" and m.admissionDate >= :admFrom and m.admissionDate < :admTo");
            p.put("admFrom", LocalDate.of(f.admissionYear(), 1, 1));
            p.put("admTo", LocalDate.of(f.admissionYear() + 1, 1, 1));
        }
        if (f.probationEndsBy() != null) {
            // probation ends 12 months after admission: admitted on or before (date - 12 months)
            q.append(" and m.status = :probationary and m.admissionDate <= :admittedBy");
            p.put("probationary", MemberStatus.PROBATIONARY);
            p.put("admittedBy", f.probationEndsBy().minusMonths(Member.PROBATION_MONTHS));
        }
        if (f.needingTransfer()) {
            // current members whose organization was dissolved or merged: nobody is lost
            q.append(" and exists (select 1 from OrgRef o where o.id = m.organizationId and o.status <> :active) and m.status in (:current)");
            p.put("active", vn.grassroots.common.tree.OrgRef.ACTIVE);
            p.put("current", List.of(MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL, MemberStatus.EXEMPT));
        }
    }

    public static String cursorOf(Row r) {
        return Cursor.encode(r.member().searchName, r.member().id.toString());
    }
}
