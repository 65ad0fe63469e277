package vn.grassroots.membership.domain;

import vn.grassroots.common.report.Labelled;

/** Giới tính. */
public enum Gender implements Labelled {
    MALE("Nam"), FEMALE("Nữ");

    private final String vietnamese;

    Gender(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }
}
