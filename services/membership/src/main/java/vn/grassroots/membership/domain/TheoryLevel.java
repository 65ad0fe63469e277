package vn.grassroots.membership.domain;

import vn.grassroots.common.report.Labelled;

/** Political theory level (trình độ lý luận chính trị): chưa có, sơ cấp, trung cấp, cao cấp, cử nhân. */
public enum TheoryLevel implements Labelled {
    NONE("Chưa có"), ELEMENTARY("Sơ cấp"), INTERMEDIATE("Trung cấp"), ADVANCED("Cao cấp"), BACHELOR("Cử nhân");

    private final String vietnamese;

    TheoryLevel(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    /** Cao cấp and cử nhân chính trị are equivalent levels; a course never lowers a member's level. */
    public int rank() {
        return this == BACHELOR ? ADVANCED.ordinal() : ordinal();
    }
}
