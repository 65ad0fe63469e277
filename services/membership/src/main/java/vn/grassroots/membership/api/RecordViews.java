package vn.grassroots.membership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.DisciplineForm;
import vn.grassroots.membership.domain.TrainingKind;
import vn.grassroots.membership.service.Results;

/**
 * What is recorded on a member: training courses and disciplines. Sorts before {@link TransferViews} on purpose: the
 * OpenAPI scan goes in name order and the training kind must keep the schema name "Kind" (the transfer's is "Kind1").
 */
public final class RecordViews {
    private RecordViews() {}

    @Schema(name = "TrainingRecord")
    public record TrainingRecord(UUID id, UUID memberId, TrainingKind kind, String level, String institution, LocalDate startedOn,
            LocalDate completedOn, String certificateNumber, String recordedBy, Instant recordedAt) {
        public static TrainingRecord of(Results.TrainingRecord t) {
            return new TrainingRecord(t.id(), t.memberId(), t.kind(), t.level(), t.institution(), t.startedOn(), t.completedOn(),
                    t.certificateNumber(), t.recordedBy(), t.recordedAt());
        }
    }

    @Schema(name = "Discipline")
    public record DisciplineView(UUID id, UUID memberId, DisciplineForm form, LocalDate decidedOn, String decisionNumber,
            String authority, String reason, String recordedBy, Instant recordedAt) {
        public static DisciplineView of(Results.DisciplineRecord d) {
            return new DisciplineView(d.id(), d.memberId(), d.form(), d.decidedOn(), d.decisionNumber(), d.authority(), d.reason(),
                    d.recordedBy(), d.recordedAt());
        }
    }
}
