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
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

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

    // ---- state rules -----------------------------------------------------------------------------------------------

    /** Every change: a new version for the ETag, and the time the delta sync compares. */
    public void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    /** Refuses any change to a meeting whose minutes are approved or that is cancelled. */
    public void refuseIfFrozen() {
        if (state == MeetingState.MINUTES_APPROVED) {
            throw ProblemException.conflict("meeting-frozen", "the minutes of this meeting are approved: it no longer changes");
        }
        if (state == MeetingState.CANCELLED) {
            throw ProblemException.conflict("meeting-cancelled", "this meeting is cancelled: it no longer changes");
        }
    }

    /** Refuses a change of the details once the meeting is held, its minutes approved or it is cancelled. */
    public void refuseIfNotEditable() {
        refuseIfFrozen();
        if (state == MeetingState.HELD) {
            throw ProblemException.conflict("meeting-held", "the meeting is held: its details are fixed; write its minutes instead");
        }
    }

    /** Refuses a step that needs the meeting in the given state; why says which state the step needs. */
    public void requireState(MeetingState required, String why) {
        if (state != required) {
            refuseIfFrozen();
            throw ProblemException.conflict("invalid-state", why + "; this one is " + state);
        }
    }

    /** Only a DRAFT or PUBLISHED meeting is cancelled. */
    public void requireCancellable() {
        if (state != MeetingState.DRAFT && state != MeetingState.PUBLISHED) {
            throw ProblemException.conflict("invalid-state", "a " + state + " meeting cannot be cancelled; only DRAFT or PUBLISHED");
        }
    }

    /**
     * Refuses to record the meeting as held on today unless it is PUBLISHED, or a DRAFT whose day has passed; never before
     * its day, and, when entered late, not before the late-entry window (the current year and lateEntryPreviousYears
     * before it). Returns whether it is entered late (after its day).
     */
    public boolean requireHoldable(LocalDate today, int lateEntryPreviousYears) {
        boolean late = meetingDate.isBefore(today);
        if (!(state == MeetingState.DRAFT && late)) {
            requireState(MeetingState.PUBLISHED, "only a PUBLISHED meeting, or a DRAFT whose day has passed, is recorded as held");
        }
        if (meetingDate.isAfter(today)) {
            throw ProblemException.unprocessable("meeting-not-yet-held", "the meeting is on " + meetingDate + "; record it on or after that day");
        }
        if (late && meetingDate.getYear() < today.getYear() - lateEntryPreviousYears) {
            throw ProblemException.unprocessable("outside-late-entry-window", "meetings are recorded after the fact from "
                    + (today.getYear() - lateEntryPreviousYears) + " on; this one was on " + meetingDate,
                    new FieldError("startsAt", "is before the late-entry window"));
        }
        return late;
    }

    /** Records the counted attendance and whether the quorum was met; the meeting is HELD. */
    public void held(Attendance attendance, Quorum quorum) {
        expected = attendance.expected();
        expectedOfficial = attendance.expectedOfficial();
        present = attendance.present();
        presentOfficial = attendance.presentOfficial();
        absentExcused = attendance.absentExcused();
        absentUnexcused = attendance.absentUnexcused();
        quorumMet = attendance.quorumMet(quorum);
        state = MeetingState.HELD;
    }

    /** An attached document (tài liệu): a title and a link. */
    public record Document(String title, String url) {}
}
