package vn.grassroots.assignments.domain;

/** The enumerations of this service (identifiers as in the glossary). */
public final class Enums {
    private Enums() {}

    /** What an assignment follows: an organization or a household (hộ gia đình). */
    public enum TargetType { ORGANIZATION, HOUSEHOLD }

    /** theo dõi, phụ trách, dự sinh hoạt chi bộ hằng tháng. */
    public enum Role { FOLLOWS, IN_CHARGE, ATTENDS_MEETINGS }

    public enum AssignmentStatus { ACTIVE, ENDED }

    public enum AssigneeType { MEMBER, ORGANIZATION }

    /** được giao, đang thực hiện, hoàn thành, hủy. */
    public enum TaskState { ASSIGNED, IN_PROGRESS, DONE, CANCELLED }

    /** Coverage gaps: grassroots organizations, cells, households. */
    public enum CoverageLevel { GRASSROOTS, CELL, HOUSEHOLD }
}
