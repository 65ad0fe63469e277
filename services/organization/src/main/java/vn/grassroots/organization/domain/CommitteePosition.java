package vn.grassroots.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A seat in a committee held by a member, with concurrent roles (kiêm nhiệm) such as village head. */
@Entity
@Table(name = "committee_position")
public class CommitteePosition {
    @Id
    public UUID id;
    @Column(name = "committee_id")
    public UUID committeeId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "member_name")
    public String memberName;
    @Enumerated(EnumType.STRING)
    public Position position;
    /** Stored as lines; the API speaks a list. */
    @Column(name = "concurrent_roles")
    public String concurrentRoles;
    public LocalDate since;
    public LocalDate until;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "created_at")
    public Instant createdAt;
}
