package vn.grassroots.meetings.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.ScopedAccess;
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
public class Access extends ScopedAccess {
    public static final String[] KEEPERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY};
    public static final String[] SUBTREE_READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR};

    private final VietnamClock clock;
    private final MemberReadModel members;

    public Access(VietnamClock clock, MemberReadModel members) {
        this.clock = clock;
        this.members = members;
    }

    public boolean subtreeReader() {
        return caller.hasAnyRole(SUBTREE_READERS);
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
