package vn.grassroots.evaluations.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rules of a rating policy as data: levels of members and of organizations (code, Vietnamese name, order, lower
 * bound of the score band), criteria groups with maximum points, quotas and caps, each rule with its source.
 */
@Schema(description = "Các mức xếp loại, nhóm tiêu chí, hạn mức (tỷ lệ) và giới hạn (trần) của một quy định đánh giá")
public record PolicyDocument(
        @NotEmpty @Size(max = 10) List<@Valid @NotNull Level> memberLevels,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull Level> organizationLevels,
        @NotNull @Size(max = 30) List<@Valid @NotNull Criterion> memberCriteria,
        @NotNull @Size(max = 30) List<@Valid @NotNull Criterion> organizationCriteria,
        @NotNull @Size(max = 20) List<@Valid @NotNull Quota> quotas,
        @NotNull @Size(max = 20) List<@Valid @NotNull Cap> caps) {

    static final String CODE = "[A-Z][A-Z0-9_]{0,39}";

    @Schema(description = "Mức xếp loại (e.g. EXCELLENT = Hoàn thành xuất sắc nhiệm vụ); rank 1 is the highest; minScore is the lower bound of its score band (none: no band)")
    public record Level(
            @NotBlank @Pattern(regexp = CODE) @Schema(example = "EXCELLENT") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Hoàn thành xuất sắc nhiệm vụ") String name,
            @NotNull @Positive Integer rank,
            @DecimalMin("0") @DecimalMax("1000") @Schema(example = "90") BigDecimal minScore) {}

    @Schema(description = "Nhóm tiêu chí với điểm tối đa")
    public record Criterion(
            @NotBlank @Pattern(regexp = CODE) @Schema(example = "DUTIES") String code,
            @NotBlank @Size(max = 300) @Schema(example = "Kết quả thực hiện chức trách, nhiệm vụ được giao") String name,
            @NotNull @DecimalMin("0.5") @DecimalMax("1000") BigDecimal maxPoints) {}

    @Schema(description = "Hạn mức: the number rated `level` may not exceed maxPercent % of the number rated `relativeTo`, within the same organization (ORGANIZATION) or the whole cycle (CYCLE)")
    public record Quota(
            @NotBlank @Pattern(regexp = CODE) String code,
            @NotNull SubjectType subject,
            @NotBlank String level,
            @NotBlank String relativeTo,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal maxPercent,
            @NotBlank @Pattern(regexp = "ORGANIZATION|CYCLE") String within,
            @NotBlank @Size(max = 1000) String description,
            @NotBlank @Size(max = 500) @Schema(description = "Căn cứ (the regulation it comes from)") String source) {}

    @Schema(description = "Giới hạn: when the condition holds, the rating may not be above maxLevel. Conditions: DISCIPLINED_IN_YEAR (bị kỷ luật trong năm), UNEXCUSED_ABSENCES_AT_LEAST (vắng không lý do, with threshold)")
    public record Cap(
            @NotBlank @Pattern(regexp = CODE) String code,
            @NotNull SubjectType subject,
            @NotBlank @Pattern(regexp = "DISCIPLINED_IN_YEAR|UNEXCUSED_ABSENCES_AT_LEAST") String condition,
            @Positive Integer threshold,
            @NotBlank String maxLevel,
            @NotBlank @Size(max = 1000) String description,
            @NotBlank @Size(max = 500) String source) {}

    public List<Level> levels(SubjectType s) {
        return s == SubjectType.MEMBER ? memberLevels : organizationLevels;
    }

    public List<Criterion> criteria(SubjectType s) {
        return s == SubjectType.MEMBER ? memberCriteria : organizationCriteria;
    }

    public Optional<Level> level(SubjectType s, String code) {
        return levels(s).stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The level whose score band holds {@code total}: the best level whose lower bound it reaches; empty without bands. */
    public Optional<Level> band(SubjectType s, BigDecimal total) {
        if (total == null) {
            return Optional.empty();
        }
        return levels(s).stream().filter(l -> l.minScore() != null && total.compareTo(l.minScore()) >= 0)
                .min(Comparator.comparing(Level::rank));
    }
}
