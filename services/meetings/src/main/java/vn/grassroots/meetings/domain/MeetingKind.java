package vn.grassroots.meetings.domain;

/** Kind of meeting (loại sinh hoạt). */
public enum MeetingKind {
    REGULAR, THEMATIC, COMMITTEE, EXTRAORDINARY
}
