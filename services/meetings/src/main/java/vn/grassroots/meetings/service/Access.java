package vn.grassroots.meetings.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.meetings.repository.MemberReadModel;

/**
 * Who may do what here (as in membership's Access):
 * <ul>
 * <li>admin, organizer, integration and secretary keep the meetings of their subtree (a secretary's token names their
 * cell): schedule, publish, cancel, record attendance, minutes and quality;</li>
 * <li>auditors read their subtree;</li>
 * <li>a member (token claim member_id) reads the published meetings of the organizations where they are active
 * (their cell and the host cell of a temporary transfer) and comments on their agenda;</li>
 * <li>the superior of the organization (a keeper whose subtree strictly contains it) reviews the quality rating.</li>
 * </ul>
 */
@RequestScoped
public class Access {
    public static final String[] KEEPERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY};
    public static final String[] SUBTREE_READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR};

    private final VietnamClock clock;
    private final Caller caller;
    private final OrgRefs orgs;
    private final MemberReadModel members;

    public Access(VietnamClock clock, Caller caller, OrgRefs orgs, MemberReadModel members) {
        this.clock = clock;
        this.caller = caller;
        this.orgs = orgs;
        this.members = members;
    }

    public Caller caller() {
        return caller;
    }

    public boolean subtreeReader() {
        return caller.hasAnyRole(SUBTREE_READERS);
    }

    /** An organization of the read model inside the caller's subtree; 422 naming {@code field} when unknown. */
    public OrgRef organizationInScope(UUID id, String field) {
        OrgRef o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notKnownHere("organization", id, "meetings", field));
        caller.requireInScope(o.path, id);
        return o;
    }

    /** The caller's own member id; 403 when the token names none. */
    public UUID self() {
        return caller.memberId().orElseThrow(() -> ProblemException.forbidden(
                "your token names no member (claim member_id)"));
    }

    /** True when the caller, as a member, is active in the organization today. */
    public boolean activeMemberOf(UUID organizationId) {
        return caller.memberId().map(m -> members.activeIn(m, organizationId, clock.today())).orElse(false);
    }
}
