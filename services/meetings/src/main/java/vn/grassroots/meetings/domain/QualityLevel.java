package vn.grassroots.meetings.domain;

/** Meeting quality: tốt, khá, trung bình, kém. */
public enum QualityLevel {
    GOOD, FAIR, AVERAGE, WEAK
}
