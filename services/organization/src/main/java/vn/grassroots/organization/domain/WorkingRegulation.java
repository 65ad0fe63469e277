package vn.grassroots.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Working regulations (quy chế làm việc) an organization issued. */
@Entity
@Table(name = "working_regulation")
public class WorkingRegulation {
    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    public String title;
    public String term;
    @Column(name = "created_at")
    public Instant createdAt;
}
