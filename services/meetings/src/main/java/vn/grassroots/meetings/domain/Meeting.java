package vn.grassroots.meetings.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A meeting (buổi sinh hoạt) of one organization; version is the ETag and grows with every change. */
@Entity
@Table(name = "meeting")
public class Meeting {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "organization_path")
    public String organizationPath;
    @Enumerated(EnumType.STRING)
    public MeetingKind kind;
    @Enumerated(EnumType.STRING)
    public MeetingFormat format;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "meeting_date")
    public LocalDate meetingDate;
    public String place;
    @Column(name = "online_link")
    public String onlineLink;
    public String topic;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Document> documents = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agenda_item", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<AgendaItem> agenda = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public MeetingState state;
    @Column(name = "cancel_reason")
    public String cancelReason;
    public String minutes;
    public String resolution;
    public String criticism;
    public String conclusions;
    @Column(name = "minutes_approved_at")
    public Instant minutesApprovedAt;
    @Column(name = "minutes_approved_by")
    public String minutesApprovedBy;
    public Integer expected;
    @Column(name = "expected_official")
    public Integer expectedOfficial;
    public Integer present;
    @Column(name = "present_official")
    public Integer presentOfficial;
    @Column(name = "absent_excused")
    public Integer absentExcused;
    @Column(name = "absent_unexcused")
    public Integer absentUnexcused;
    @Column(name = "quorum_met")
    public Boolean quorumMet;
    @Column(name = "superior_expected")
    public Boolean superiorExpected;
    @Column(name = "superior_attended")
    public Boolean superiorAttended;
    @Column(name = "attendance_recorded_by")
    public String attendanceRecordedBy;
    @Column(name = "attendance_recorded_at")
    public Instant attendanceRecordedAt;
    /** The attendance was recorded after the day of the meeting (a register caught up later). */
    @Column(name = "entered_late")
    public boolean enteredLate;
    @Column(name = "quality_score")
    public Integer qualityScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "quality_level")
    public QualityLevel qualityLevel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quality_criteria")
    public Map<String, Integer> qualityCriteria;
    @Column(name = "quality_comment")
    public String qualityComment;
    @Column(name = "quality_rated_by")
    public String qualityRatedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quality_review")
    public Map<String, Object> qualityReview;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;

    /** An attached document (tài liệu): a title and a link. */
    public record Document(String title, String url) {}
}
