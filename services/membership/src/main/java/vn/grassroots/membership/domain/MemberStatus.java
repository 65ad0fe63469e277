package vn.grassroots.membership.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of a member (dự bị, chính thức, miễn sinh hoạt, chuyển đi, xóa tên, khai trừ, từ trần). It changes only by
 * explicit operations with a decision; the allowed changes are {@link #next()}.
 */
public enum MemberStatus {
    PROBATIONARY, OFFICIAL, EXEMPT, TRANSFERRED_OUT, REMOVED, EXPELLED, DECEASED;

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
