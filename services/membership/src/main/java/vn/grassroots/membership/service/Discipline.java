package vn.grassroots.membership.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.Decision;

/** Discipline (kỷ luật đảng viên) of a member. */
public final class Discipline {
    private Discipline() {}

    /** khiển trách, cảnh cáo, cách chức, khai trừ. */
    @Schema(name = "DisciplineForm", description = "REPRIMAND (khiển trách), WARNING (cảnh cáo), DISMISSAL (cách chức), EXPULSION (khai trừ)")
    public enum Form { REPRIMAND, WARNING, DISMISSAL, EXPULSION }

    @Schema(name = "RecordDiscipline", description = "A disciplinary decision. Expulsion (khai trừ) is not recorded here but by the status change to EXPELLED, which records it as a discipline too.")
    public record Record(@NotNull Form form,
            @NotNull @Valid Decision decision,
            @Size(max = 300) @Schema(example = "Ủy ban Kiểm tra Huyện ủy Tuần Giáo") String authority,
            @NotBlank @Size(max = 1000) @Schema(example = "Vi phạm quy định về những điều đảng viên không được làm") String reason) {}

    @Schema(name = "Discipline")
    public record View(UUID id, UUID memberId, Form form, LocalDate decidedOn, String decisionNumber, String authority,
            String reason, String recordedBy, Instant recordedAt) {}
}
