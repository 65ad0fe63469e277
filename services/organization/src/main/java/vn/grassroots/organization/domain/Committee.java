package vn.grassroots.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The committee (cấp ủy) of an organization for one term (nhiệm kỳ), e.g. 2025-2030. */
@Entity
@Table(name = "committee")
public class Committee {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String term;
    @Column(name = "start_year")
    public int startYear;
    @Column(name = "end_year")
    public int endYear;
    @Column(name = "elected_on")
    public LocalDate electedOn;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decision_date")
    public LocalDate decisionDate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
