package vn.grassroots.meetings.domain;

/** Format: trực tiếp, trực tuyến, kết hợp. */
public enum MeetingFormat {
    IN_PERSON, ONLINE, HYBRID
}
