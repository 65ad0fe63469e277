package vn.grassroots.membership.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.ScopedAccess;

/**
 * Who may read and write what in this service.
 * <ul>
 * <li>admin, organizer, integration, auditor, secretary read their subtree ({@link Caller#scope()}; a secretary's
 * token names their cell, so that is their cell);</li>
 * <li>a caller holding only the member role reads only themself (token claim member_id);</li>
 * <li>admin, organizer and integration register members, change statuses and record every admission step;</li>
 * <li>a secretary also keeps the records of their own subtree where the cell acts: member profiles, candidates
 * and the admission steps up to the cell's vote; decisions of the superior committee are not theirs to record.</li>
 * </ul>
 */
@RequestScoped
public class Access extends ScopedAccess {
    public static final String[] SUBTREE_READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.AUDITOR, Roles.INTEGRATION};
    public static final String[] READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.AUDITOR, Roles.INTEGRATION, Roles.MEMBER};
    public static final String[] DECIDERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION};
    public static final String[] CELL_KEEPERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY};
    /** Roles that see a member's full citizen id when reading that one member. */
    public static final String[] CITIZEN_ID_READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION};

    /** True when the caller reads only their own record (member role without a subtree role). */
    public boolean selfOnly() {
        caller.requireRole(READERS);
        return !caller.hasAnyRole(SUBTREE_READERS);
    }

    /** The caller's own member id; 403 when the token names none. */
    public UUID self() {
        return caller.memberId().orElseThrow(() -> ProblemException.forbidden(
                "your token names no member (claim member_id), so there is nothing you may read here"));
    }

    /** An organization where members can be active: an ACTIVE cell or party group. */
    public OrgRef memberHolding(UUID id, String field) {
        OrgRef o = organizationInScope(id, field);
        if (!o.holdsMembers()) {
            throw ProblemException.unprocessable("not-a-cell", o.name + " is a " + o.type
                    + "; members are active in a cell (GRASSROOTS_CELL, SUBORDINATE_CELL) or a PARTY_GROUP",
                    new FieldError(field, "must be a cell or party group"));
        }
        if (!o.isActive()) {
            throw ProblemException.unprocessable("organization-not-active", o.name + " is " + o.status,
                    new FieldError(field, "must be an ACTIVE organization"));
        }
        return o;
    }

    /** An organization named by a list filter: 400 when unknown, 403 outside the caller's subtree (unless self-only). */
    public OrgRef organizationInScopeForReading(UUID id, boolean selfOnly) {
        OrgRef o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.invalid("organizationId", "is not a known organization"));
        if (!selfOnly) {
            caller.requireInScope(o.path, id);
        }
        return o;
    }

    /** The path of an organization as the read model knows it ("" when unknown, which no scope contains). */
    public OrgRef organization(UUID id) {
        return orgs.findByIdOptional(id).orElse(null);
    }

    public static String mask(String citizenId) {
        if (citizenId == null) {
            return null;
        }
        int keep = Math.min(4, citizenId.length());
        return "*".repeat(citizenId.length() - keep) + citizenId.substring(citizenId.length() - keep);
    }
}
