package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.assignments.domain.Household;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.web.ETags;

/** The household registry (hộ gia đình) of residential cells. */
@ApplicationScoped
public class HouseholdService {
    private final EntityManager em;
    private final Access access;
    private final AuditTrail audit;

    public HouseholdService(EntityManager em, Access access, AuditTrail audit) {
        this.em = em;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public Results.HouseholdResult create(Commands.HouseholdRequest r) {
        access.requireWriter();
        OrgRef cell = residentialCell(r.organizationId());
        Household h = new Household();
        h.id = UUID.randomUUID();
        apply(h, r);
        h.createdAt = h.updatedAt = Instant.now();
        h.version = 1;
        h.persist();
        Results.HouseholdResult after = Results.HouseholdResult.of(h);
        audit.record("household.created", "Household", h.id, cell.path, null, after);
        return after;
    }

    @Transactional
    public Results.HouseholdResult update(UUID id, Commands.HouseholdRequest r, String ifMatch) {
        access.requireWriter();
        Household h = Household.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (h == null) {
            throw ProblemException.notFound("household", id);
        }
        access.owningOrganization(h.organizationId);
        ETags.require(ifMatch, h.version);
        if (!h.organizationId.equals(r.organizationId())) {
            // assignments to the household carry its cell; a household that moves is registered again in its new cell
            throw ProblemException.unprocessable("household-cell-fixed", "a household stays in the cell it was registered in",
                    new FieldError("organizationId", "differs from the household's cell"));
        }
        OrgRef cell = residentialCell(r.organizationId());
        Results.HouseholdResult before = Results.HouseholdResult.of(h);
        apply(h, r);
        h.updatedAt = Instant.now();
        h.version++;
        Results.HouseholdResult after = Results.HouseholdResult.of(h);
        audit.record("household.updated", "Household", h.id, cell.path, before, after);
        return after;
    }

    @Transactional
    public Results.HouseholdResult get(UUID id) {
        access.requireReader();
        Household h = Household.findById(id);
        if (h == null) {
            throw ProblemException.notFound("household", id);
        }
        access.owningOrganization(h.organizationId);
        return Results.HouseholdResult.of(h);
    }

    @Transactional
    public Page<Results.HouseholdResult> list(UUID organizationId, String cursor, Integer limit) {
        access.requireReader();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        List<Household> rows = ScopedLists.rows(em, access, organizationId, """
                SELECT h.* FROM household h JOIN org_ref o ON o.id = h.organization_id
                WHERE %s AND %s AND (cast(:after AS uuid) IS NULL OR h.id > cast(:after AS uuid))
                ORDER BY h.id LIMIT :limit""", Household.class, Map.of(), after, n);
        return Cursor.page(rows, n, Results.HouseholdResult::of, h -> Cursor.encode(h.id.toString()));
    }

    /** An active residential cell (chi bộ thôn, bản, tổ dân phố) in the caller's scope. */
    private OrgRef residentialCell(UUID id) {
        OrgRef o = access.activeOrganizationInScope(id, "organizationId");
        if (!o.isCell() || !"RESIDENTIAL".equals(o.sector)) {
            throw ProblemException.unprocessable("not-residential-cell",
                    "households belong to a residential cell (sector RESIDENTIAL, a cell), not to a " + o.type + " of sector " + o.sector,
                    new FieldError("organizationId", "is not a residential cell"));
        }
        return o;
    }

    private static void apply(Household h, Commands.HouseholdRequest r) {
        h.organizationId = r.organizationId();
        h.address = r.address().strip();
        h.headName = r.headName().strip();
        h.peopleCount = r.peopleCount();
        h.notes = r.notes();
    }
}
