package vn.grassroots.evaluations.api;

import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.evaluations.domain.SubjectType;

/** Query and path parameters parsed by hand, so that a bad value is a 400 naming it (never a 404). */
final class Params {
    private Params() {}

    static Integer year(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(name, "is required");
            }
            return null;
        }
        try {
            int y = Integer.parseInt(value.trim());
            if (y < 1950 || y > 2200) {
                throw ProblemException.invalid(name, "must be a year between 1950 and 2200");
            }
            return y;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a year such as 2025");
        }
    }

    /** "members" or "organizations" in a path. */
    static SubjectType subject(String segment) {
        return switch (segment) {
            case "members" -> SubjectType.MEMBER;
            case "organizations" -> SubjectType.ORGANIZATION;
            default -> throw ProblemException.notFound("path segment", segment);
        };
    }

    static <E extends Enum<E>> E oneEnum(String name, Class<E> type, String value) {
        var list = vn.grassroots.common.web.QueryParams.enums(name, type, value == null ? null : java.util.List.of(value));
        if (list.size() > 1) {
            throw ProblemException.invalid(name, "takes one value");
        }
        return list.isEmpty() ? null : list.get(0);
    }

    /** One value of a vocabulary kept as text here (an organization's type or sector): its code, or 400 when unknown. */
    static <E extends Enum<E>> String code(String name, Class<E> type, String value) {
        E e = oneEnum(name, type, value);
        return e == null ? null : e.name();
    }
}
