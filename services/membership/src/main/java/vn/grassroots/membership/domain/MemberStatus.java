package vn.grassroots.membership.domain;

import java.util.EnumSet;
import java.util.Set;
import vn.grassroots.common.report.Labelled;

/**
 * Status of a member (dự bị, chính thức, miễn sinh hoạt, chuyển đi, xóa tên, khai trừ, từ trần). It changes only by
 * explicit operations with a decision; the allowed changes are {@link #next()}.
 */
public enum MemberStatus implements Labelled {
    PROBATIONARY("Dự bị"), OFFICIAL("Chính thức"), EXEMPT("Miễn sinh hoạt"), TRANSFERRED_OUT("Chuyển đi"), REMOVED("Xóa tên"),
    EXPELLED("Khai trừ"), DECEASED("Từ trần");

    private final String vietnamese;

    MemberStatus(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    public Set<MemberStatus> next() {
        return switch (this) {
            case PROBATIONARY -> EnumSet.of(OFFICIAL, REMOVED, EXPELLED, DECEASED, TRANSFERRED_OUT);
            case OFFICIAL -> EnumSet.of(EXEMPT, REMOVED, EXPELLED, DECEASED, TRANSFERRED_OUT);
            case EXEMPT -> EnumSet.of(OFFICIAL, REMOVED, EXPELLED, DECEASED, TRANSFERRED_OUT);
            case TRANSFERRED_OUT, REMOVED, EXPELLED, DECEASED -> EnumSet.noneOf(MemberStatus.class);
        };
    }

    /** Counted as a member of the organization (statistics, admission rate). */
    public boolean isActiveMember() {
        return this == PROBATIONARY || this == OFFICIAL || this == EXEMPT;
    }
}
