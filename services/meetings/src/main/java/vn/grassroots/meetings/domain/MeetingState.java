package vn.grassroots.meetings.domain;

/** State: nháp, đã thông báo, đã tổ chức, biên bản đã duyệt, đã hủy. */
public enum MeetingState {
    DRAFT, PUBLISHED, HELD, MINUTES_APPROVED, CANCELLED
}
