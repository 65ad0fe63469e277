package vn.grassroots.assignments.service;

import java.util.UUID;
import java.util.function.Supplier;
import vn.grassroots.assignments.domain.MemberRef;
import vn.grassroots.assignments.repository.MemberReadModel;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** The "active member" check that assignments and tasks both make of the person they name. */
final class ActiveMembers {
    private ActiveMembers() {
    }

    /** The member, known here and active; else {@code unknown}'s problem, or inactive-member on {@code field}. */
    static MemberRef require(MemberReadModel members, UUID id, Supplier<ProblemException> unknown, String field,
            String notActive) {
        MemberRef m = members.findById(id);
        if (m == null) {
            throw unknown.get();
        }
        if (!m.isActive()) {
            throw ProblemException.unprocessable("inactive-member", "member " + id + " is " + m.status,
                    new FieldError(field, notActive));
        }
        return m;
    }
}
