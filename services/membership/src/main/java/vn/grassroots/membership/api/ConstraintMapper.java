package vn.grassroots.membership.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.grassroots.common.problem.ProblemMappers;

/** A unique index that a concurrent request won (e.g. the same party card number at once) is a conflict, not a 500. */
public class ConstraintMapper {
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        if (constraint.contains("party_card")) {
            return ProblemMappers.response(409, "party-card-taken", "Conflict", "this party card number is already issued", List.of());
        }
        return ProblemMappers.response(409, "conflict", "Conflict", "the change conflicts with existing data", List.of());
    }
}
