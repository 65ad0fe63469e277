package vn.grassroots.evaluations.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.AvailableHints;
import vn.grassroots.common.export.ExportJobs;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.repository.Sql;

/**
 * The decided ratings behind each number of a report (danh sách sau mỗi số liệu): a page at a time, counted, or every
 * row for the CSV, filtered like the report's cells.
 */
@ApplicationScoped
public class RatedLists {
    private final EntityManager em;
    private final ReportService reports;

    public RatedLists(EntityManager em, ReportService reports) {
        this.em = em;
        this.reports = reports;
    }

    /** The decided ratings behind a number: filtered like the report's cells, by name, one page at a time. */
    @Transactional
    public Page<Results.RatedItem> rated(UUID organizationId, int year, SubjectType type, String level, String orgType, String sector,
            UUID cycleId, String cursor, Integer limit) {
        ReportService.Root root = reports.root(organizationId);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        return Cursor.page(ratedRows(new RatedFilter(root, year, type, level, orgType, sector, cycleId), after, n + 1), n, RatedLists::item,
                r -> Cursor.encode((String) r[3], r[0].toString()));
    }

    /** The filters of {@link #rated} and of its CSV, one value. */
    public record RatedFilter(ReportService.Root root, int year, SubjectType type, String level, String orgType, String sector, UUID cycleId) {
        /** Only the filters given are in the SQL (no "IS NULL OR" that a generic plan could not drop). */
        String where() {
            StringBuilder where = new StringBuilder("state = 'DECIDED' AND year = :year AND ").append(root.scope().sql("org_path", "root"));
            if (cycleId != null) {
                where.append(" AND cycle_id = :cycle");
            }
            if (level != null) {
                where.append(" AND decided_level = :level");
            }
            if (orgType != null) {
                where.append(" AND org_type = :orgType");
            }
            if (sector != null) {
                where.append(" AND org_sector = :sector");
            }
            return where.toString();
        }

        Query bind(Query q) {
            q.setParameter("year", year);
            root.scope().bind(q::setParameter, "root");
            if (cycleId != null) {
                q.setParameter("cycle", cycleId);
            }
            if (level != null) {
                q.setParameter("level", level);
            }
            if (orgType != null) {
                q.setParameter("orgType", orgType);
            }
            if (sector != null) {
                q.setParameter("sector", sector);
            }
            return q;
        }

        List<SubjectType> types() {
            return type == null ? List.of(SubjectType.values()) : List.of(type);
        }
    }

    /**
     * Rows of {@link #rated} after a key, for the CSV too. Each subject type is its own arm, so that a page walks the
     * list indexes (year, subject type[, level], name, id) in order and stops after {@code limit} rows.
     */
    @Transactional
    public List<Object[]> ratedRows(RatedFilter f, String[] after, int limit) {
        String where = f.where() + (after == null ? "" : " AND (subject_name, id) > (:afterName, cast(:afterId AS uuid))");
        // The page's keys come from the index alone (an index-only scan: every filtered column is included), then only
        // those rows are read from the table; the entries a filter skips never cost a table read.
        String arms = String.join(" UNION ALL ", f.types().stream().map(t -> """
                (SELECT id, subject_name FROM rating WHERE subject_type = '%s' AND %s ORDER BY subject_name, id LIMIT :limit)"""
                .formatted(t.name(), where)).toList());
        Query q = f.bind(em.createNativeQuery("""
                SELECT r.id, r.subject_type, r.subject_id, r.subject_name, r.organization_id, r.org_type, r.org_sector, r.decided_level,
                       r.decided_at, r.decided_by
                FROM (SELECT id, subject_name FROM (%s) a ORDER BY subject_name, id LIMIT :limit) p JOIN rating r ON r.id = p.id
                ORDER BY p.subject_name, p.id""".formatted(arms))).setParameter("limit", limit);
        if (after != null) {
            q.setParameter("afterName", after[0]).setParameter("afterId", after[1]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows;
    }

    /**
     * Every row of {@link #ratedRows} in the same order, in one query read through a cursor (1,000 rows at a time), for
     * the CSV: a district is one range of the report index and one sort, instead of pages that each walk the list index.
     */
    public void ratedStream(RatedFilter f, Consumer<Object[]> each) {
        QuarkusTransaction.requiringNew().timeout(ExportJobs.TRANSACTION_TIMEOUT_SECONDS).run(() -> {
            String types = String.join(",", f.types().stream().map(t -> "'" + t.name() + "'").toList());
            Query q = f.bind(em.createNativeQuery("""
                    SELECT id, subject_type, subject_id, subject_name, organization_id, org_type, org_sector, decided_level, decided_at, decided_by
                    FROM rating WHERE subject_type IN (%s) AND %s ORDER BY subject_name, id""".formatted(types, f.where())))
                    .setHint(AvailableHints.HINT_FETCH_SIZE, 1000);
            @SuppressWarnings("unchecked")
            Stream<Object[]> rows = q.getResultStream();
            try (rows) {
                rows.forEach(each);
            }
        });
    }

    /** How many rows {@link #ratedRows} gives in all, counting at most {@code cap} + 1 (index-only). */
    @Transactional
    public long ratedCount(RatedFilter f, long cap) {
        String arms = String.join(" UNION ALL ", f.types().stream().map(t -> """
                (SELECT 1 FROM rating WHERE subject_type = '%s' AND %s LIMIT :cap)""".formatted(t.name(), f.where())).toList());
        return ((Number) f.bind(em.createNativeQuery("SELECT count(*) FROM (" + arms + ") a")).setParameter("cap", cap + 1)
                .getSingleResult()).longValue();
    }

    public static Results.RatedItem item(Object[] r) {
        return new Results.RatedItem((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5], (String) r[6],
                (String) r[7], Sql.instant(r[8]), (String) r[9]);
    }
}
