package vn.grassroots.evaluations.api;

import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.evaluations.domain.SubjectType;

/** This service's own parameter vocabularies (the common ones are in QueryParams): a bad value is a 400 naming it. */
final class Params {
    private Params() {}

    /** "members" or "organizations" in a path. */
    static SubjectType subject(String segment) {
        return switch (segment) {
            case "members" -> SubjectType.MEMBER;
            case "organizations" -> SubjectType.ORGANIZATION;
            default -> throw ProblemException.notFound("path segment", segment);
        };
    }

    /** One value of a vocabulary kept as text here (an organization's type or sector): its code, or 400 when unknown. */
    static <E extends Enum<E>> String code(String name, Class<E> type, String value) {
        E e = QueryParams.one(name, type, value);
        return e == null ? null : e.name();
    }
}
