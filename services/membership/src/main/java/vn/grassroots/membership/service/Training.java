package vn.grassroots.membership.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Training records (đào tạo, bồi dưỡng) of a member. */
public final class Training {
    private Training() {}

    /** POLITICAL_THEORY (lý luận chính trị) or DEFENCE_SECURITY (bồi dưỡng kiến thức quốc phòng - an ninh). */
    public enum Kind { POLITICAL_THEORY, DEFENCE_SECURITY }

    @Schema(name = "RecordTraining", description = "A course: political theory (level ELEMENTARY, INTERMEDIATE, ADVANCED or BACHELOR) or defence-security (level as the course names it, e.g. Đối tượng 4)")
    public record Record(@NotNull Kind kind,
            @NotBlank @Size(max = 100) @Schema(example = "INTERMEDIATE") String level,
            @NotBlank @Size(max = 300) @Schema(example = "Trường Chính trị tỉnh Điện Biên") String institution,
            @NotNull @PastOrPresent LocalDate startedOn,
            @PastOrPresent LocalDate completedOn,
            @Size(max = 100) String certificateNumber) {}

    @Schema(name = "TrainingRecord")
    public record View(UUID id, UUID memberId, Kind kind, String level, String institution, LocalDate startedOn,
            LocalDate completedOn, String certificateNumber, String recordedBy, Instant recordedAt) {}
}
