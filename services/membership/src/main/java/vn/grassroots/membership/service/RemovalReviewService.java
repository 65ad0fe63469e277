package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;

/**
 * The Party Charter's rule (Điều lệ Đảng, Điều 8, khoản 3): a member who misses the cell's meetings without a
 * valid reason in three months of one year is considered by the cell for removal from the list. The meetings service
 * reports each unexcused absence; the third distinct month of a year flags the member, with the absences as evidence.
 * Deciding the removal stays with the cell and the superior (the status change to REMOVED).
 */
@ApplicationScoped
public class RemovalReviewService {
    private static final Logger LOG = Logger.getLogger(RemovalReviewService.class);
    /** Months with an unexcused absence in one year that call for the review. */
    public static final int MONTHS = 3;

    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;
    private final MemberService members;
    private final AuditTrail audit;
    private final vn.grassroots.common.tree.OrgRefs orgs;

    public RemovalReviewService(VietnamClock clock, EntityManager em, Access access, MemberService members,
            AuditTrail audit, vn.grassroots.common.tree.OrgRefs orgs) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.members = members;
        this.audit = audit;
        this.orgs = orgs;
    }

    /** Records an absence (once per member and meeting) and flags the member at the third month of the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void absent(UUID memberId, UUID meetingId, UUID organizationId, String month, LocalDate meetingDate) {
        em.createNativeQuery("""
                INSERT INTO unexcused_absence (member_id, meeting_id, organization_id, month, meeting_date, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, memberId).setParameter(2, meetingId).setParameter(3, organizationId)
                .setParameter(4, month).setParameter(5, meetingDate).executeUpdate();
        int year = Integer.parseInt(month.substring(0, 4));
        Number months = (Number) em.createNativeQuery("""
                SELECT count(DISTINCT month) FROM unexcused_absence WHERE member_id = ?1 AND month >= ?2 AND month <= ?3""")
                .setParameter(1, memberId).setParameter(2, year + "-01").setParameter(3, year + "-12").getSingleResult();
        if (months.intValue() < MONTHS) {
            return;
        }
        int flagged = em.createNativeQuery("""
                INSERT INTO removal_review (member_id, year, flagged_at) VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, memberId).setParameter(2, year).executeUpdate();
        Member m = em.find(Member.class, memberId);
        if (flagged == 1 && m != null) {
            OrgRef org = orgs.findById(m.organizationId); // no request here: Access is request-scoped
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("year", year);
            after.put("monthsWithUnexcusedAbsence", months.intValue());
            audit.record("member.flagged-for-removal-review", "Member", m.id, org == null ? null : org.path, null, after);
            LOG.infof("member %s has unexcused absences in %d months of %d: flagged for the cell's review", memberId, months.intValue(), year);
        }
    }

    /** Flagged members of the caller's subtree who are still members, for one year (default: this year). */
    @Transactional
    public Page<Results.RemovalReview> list(Integer year, UUID organizationId, String cursor, int limit) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        int y = year == null ? clock.today().getYear() : year;
        Scope scope = access.caller().scope();
        StringBuilder q = new StringBuilder("""
                SELECT r.member_id, m.full_name, m.organization_id, o.name, m.status, r.year, r.flagged_at
                FROM removal_review r JOIN member m ON m.id = r.member_id JOIN org_ref o ON o.id = m.organization_id
                WHERE r.year = :year AND m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')""");
        Map<String, Object> p = new HashMap<>();
        p.put("year", y);
        if (!scope.isAll()) {
            q.append(" AND ").append(Subtree.condition("o.path", "scope"));
            scope.bind(p::put, "scope");
        }
        if (organizationId != null) {
            OrgRef within = access.organizationInScopeForReading(organizationId, false);
            q.append(" AND ").append(Subtree.condition("o.path", "within"));
            Subtree.bind(p::put, "within", within.path);
        }
        String[] after = Cursor.decode(cursor, 1);
        if (after != null) {
            q.append(" AND r.member_id > :after");
            p.put("after", Cursor.id(after[0]));
        }
        q.append(" ORDER BY r.member_id LIMIT ").append(limit + 1);
        var query = em.createNativeQuery(q.toString());
        p.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, List<Results.Absence>> evidence = absencesOf(rows, y);
        return Cursor.page(rows, limit, r -> {
            List<Results.Absence> list = evidence.getOrDefault((UUID) r[0], List.of());
            return new Results.RemovalReview((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], MemberStatus.valueOf((String) r[4]),
                    ((Number) r[5]).intValue(), list.stream().map(Results.Absence::month).distinct().toList(), list, Dates.instant(r[6]));
        }, r -> Cursor.encode(r[0].toString()));
    }

    /** The unexcused absences in year {@code y} of the members in the rows, by member, in month order. */
    private Map<UUID, List<Results.Absence>> absencesOf(List<Object[]> rows, int y) {
        Map<UUID, List<Results.Absence>> evidence = new HashMap<>();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> absences = em.createNativeQuery("""
                    SELECT member_id, meeting_id, organization_id, month, meeting_date, received_at FROM unexcused_absence
                    WHERE member_id = ANY(?1) AND month >= ?2 AND month <= ?3 ORDER BY member_id, month, meeting_date, meeting_id""")
                    .setParameter(1, ids.toArray(UUID[]::new)).setParameter(2, y + "-01").setParameter(3, y + "-12").getResultList();
            for (Object[] a : absences) {
                evidence.computeIfAbsent((UUID) a[0], k -> new ArrayList<>()).add(absence(a, 1));
            }
        }
        return evidence;
    }

    /** Every unexcused absence of one member the caller may read, newest month first. */
    @Transactional
    public List<Results.Absence> absences(UUID memberId) {
        Member m = members.readable(memberId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT meeting_id, organization_id, month, meeting_date, received_at FROM unexcused_absence
                WHERE member_id = ?1 ORDER BY month DESC, meeting_date DESC, meeting_id""").setParameter(1, m.id).getResultList();
        return rows.stream().map(r -> absence(r, 0)).toList();
    }

    private static Results.Absence absence(Object[] r, int from) {
        return new Results.Absence((UUID) r[from], (UUID) r[from + 1], ((String) r[from + 2]).trim(), Dates.date(r[from + 3]),
                Dates.instant(r[from + 4]));
    }
}
