package vn.grassroots.membership.domain;

/** Political theory level (trình độ lý luận chính trị): chưa có, sơ cấp, trung cấp, cao cấp, cử nhân. */
public enum TheoryLevel {
    NONE, ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR;

    /** Cao cấp and cử nhân chính trị are equivalent levels; a course never lowers a member's level. */
    public int rank() {
        return this == BACHELOR ? ADVANCED.ordinal() : ordinal();
    }
}
