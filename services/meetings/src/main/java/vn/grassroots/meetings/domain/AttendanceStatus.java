package vn.grassroots.meetings.domain;

/** Có mặt, vắng có lý do, vắng không có lý do. */
public enum AttendanceStatus {
    PRESENT, ABSENT_EXCUSED, ABSENT_UNEXCUSED
}
