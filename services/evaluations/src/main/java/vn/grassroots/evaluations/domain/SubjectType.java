package vn.grassroots.evaluations.domain;

import vn.grassroots.common.report.Labelled;

/** What is rated: a member (đảng viên) or an organization (tổ chức đảng). */
public enum SubjectType implements Labelled {
    MEMBER("Đảng viên"), ORGANIZATION("Tổ chức đảng");

    private final String vietnamese;

    SubjectType(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }
}
