package vn.grassroots.membership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.web.Versioned;
import vn.grassroots.membership.domain.AdmissionStep;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.service.Results;

/**
 * Response bodies of members, candidates and CSV imports, each mapped by its {@code of} from what the services return.
 * The mappers only copy: masking (citizenId) and the other rules were applied by the services. The other bodies are in
 * the *Views classes by area; their names are such that the OpenAPI scan (in name order) meets the types as it did.
 */
public final class Views {
    private Views() {}


    @Schema(name = "Member", description = "A Party member (đảng viên). citizenId is masked in lists and for roles that do not need it.")
    public record MemberView(UUID id, String fullName, LocalDate birthDate, Gender gender, String ethnicity, String religion,
            @Schema(description = "Full only when reading one member as admin, organizer, integration or the member themself; else masked (********1234)")
            String citizenId,
            String phone, String email, String homeTown, String educationLevel, TheoryLevel theoryLevel, String occupation,
            String partyCardNumber, LocalDate admissionDate, LocalDate officialDate,
            @Schema(description = "For probationary members: the day 12 months after admission") LocalDate probationEndsOn,
            UUID organizationId, String organizationName, MemberStatus status, LocalDate statusSince,
            @Schema(description = "An official transfer is pending: the member is in transit, counted by neither side") boolean inTransit,
            UUID candidateId,
            long version, Instant createdAt, Instant updatedAt) implements Versioned {
        public static MemberView of(Results.MemberState m) {
            return new MemberView(m.id(), m.fullName(), m.birthDate(), m.gender(), m.ethnicity(), m.religion(), m.citizenId(),
                    m.phone(), m.email(), m.homeTown(), m.educationLevel(), m.theoryLevel(), m.occupation(), m.partyCardNumber(),
                    m.admissionDate(), m.officialDate(), m.probationEndsOn(), m.organizationId(), m.organizationName(), m.status(),
                    m.statusSince(), m.inTransit(), m.candidateId(), m.version(), m.createdAt(), m.updatedAt());
        }
    }

    @Schema(name = "AdmissionStepRecord", description = "A recorded step of the admission pipeline")
    public record StepView(AdmissionStep step, LocalDate date, String decisionNumber, String note, String recordedBy,
            Instant recordedAt) {
        public static StepView of(Results.Step s) {
            return new StepView(s.step(), s.date(), s.decisionNumber(), s.note(), s.recordedBy(), s.recordedAt());
        }
    }

    @Schema(name = "Candidate", description = "A candidate for admission (quần chúng ưu tú) and the steps recorded so far")
    public record CandidateView(UUID id, String fullName, LocalDate birthDate, Gender gender, String ethnicity, String religion,
            String citizenId, String phone, String email, String homeTown, String educationLevel, TheoryLevel theoryLevel,
            String occupation, UUID organizationId, String organizationName,
            @Schema(description = "The last step recorded") AdmissionStep stage,
            @Schema(description = "The step that may be recorded next (null once admitted)") AdmissionStep nextStep,
            List<StepView> steps, @Schema(description = "Set once admitted") UUID memberId, long version,
            Instant createdAt, Instant updatedAt) {
        public static CandidateView of(Results.CandidateState c) {
            return new CandidateView(c.id(), c.fullName(), c.birthDate(), c.gender(), c.ethnicity(), c.religion(), c.citizenId(),
                    c.phone(), c.email(), c.homeTown(), c.educationLevel(), c.theoryLevel(), c.occupation(), c.organizationId(),
                    c.organizationName(), c.stage(), c.nextStep(), c.steps().stream().map(StepView::of).toList(), c.memberId(),
                    c.version(), c.createdAt(), c.updatedAt());
        }
    }

    @Schema(name = "MemberImport", description = "The outcome of a CSV import: counts and every bad row with its line, field and reason")
    public record ImportReport(
            @Schema(description = "Id of the import, the entity id of its audit entry (entityType MemberImport)") UUID importId,
            @Schema(description = "all-or-nothing or valid-rows") String mode,
            @Schema(description = "Data rows read (blank lines not counted)") int total,
            @Schema(description = "Members registered") int imported,
            @Schema(description = "Rows refused") int rejected,
            @Schema(description = "Every problem of every bad row, in file order") List<RowError> errors) {
        public static ImportReport of(vn.grassroots.common.imports.ImportReport r) {
            return new ImportReport(r.importId(), r.mode(), r.total(), r.imported(), r.rejected(),
                    r.errors().stream().map(e -> new RowError(e.line(), e.field(), e.message())).toList());
        }
    }

    @Schema(name = "MemberImportError", description = "One problem of one row")
    public record RowError(
            @Schema(description = "Line of the file where the row starts; the header is line 1") int line,
            @Schema(description = "Field name (CreateMember), or null for the whole row") String field,
            String message) {}

    @Schema(name = "MemberImportRefused", description = "Problem details (422 import-refused) carrying the report of an "
            + "all-or-nothing import that found bad rows: nothing was imported")
    public record ImportRefused(String type, String title, int status, String detail, String correlationId, UUID importId,
            String mode, int total, int imported, int rejected, List<RowError> errors) {
        /** common's refusal, under membership's own schema names (its contract predates common's imports). */
        public static ImportRefused of(vn.grassroots.common.imports.ImportReport report) {
            var p = vn.grassroots.common.imports.ImportRefused.of(report);
            return new ImportRefused(p.type(), p.title(), p.status(), p.detail(), p.correlationId(), p.importId(), p.mode(),
                    p.total(), p.imported(), p.rejected(), ImportReport.of(report).errors());
        }
    }
}
