package vn.grassroots.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A candidate for admission (quần chúng ưu tú) and how far the admission pipeline has come. */
@Entity
@Table(name = "candidate")
public class Candidate extends Person {
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public AdmissionStep stage;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
