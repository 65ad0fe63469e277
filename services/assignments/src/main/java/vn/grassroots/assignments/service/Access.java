package vn.grassroots.assignments.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.ScopedAccess;

/**
 * Who may read and write what in this service.
 * <ul>
 * <li>admin, organizer, integration, secretary, auditor read their subtree;</li>
 * <li>admin, organizer, integration and secretary make assignments, keep households, issue plans and tasks in their
 * subtree (a secretary's token names their cell or committee, so that is their subtree);</li>
 * <li>a member reads and reports on their own tasks (token claim member_id).</li>
 * </ul>
 */
@RequestScoped
public class Access extends ScopedAccess {
    public static final String[] READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.AUDITOR, Roles.INTEGRATION};
    public static final String[] WRITERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.INTEGRATION};

    public void requireReader() {
        caller.requireRole(READERS);
    }

    public void requireWriter() {
        caller.requireRole(WRITERS);
    }

    public boolean isWriter() {
        return caller.hasAnyRole(WRITERS);
    }

    /** The caller's own member id; 403 when the token names none. */
    public UUID self() {
        return caller.memberId().orElseThrow(() -> ProblemException.forbidden(
                "your token names no member (claim member_id)"));
    }

    /** As {@link #organizationInScope}, and ACTIVE (422 otherwise). */
    public OrgRef activeOrganizationInScope(UUID id, String field) {
        OrgRef o = organizationInScope(id, field);
        if (!o.isActive()) {
            throw ProblemException.unprocessable("inactive-organization", "organization " + id + " is " + o.status,
                    new FieldError(field, "is not an active organization"));
        }
        return o;
    }

    /** The organization of an existing resource, checked against the scope: 404 when unknown, 403 out of scope. */
    public OrgRef owningOrganization(UUID organizationId) {
        OrgRef o = orgs.findById(organizationId);
        if (o == null) {
            throw ProblemException.forbidden("the organization of this resource is not known here");
        }
        caller.requireInScope(o.path, organizationId);
        return o;
    }
}
