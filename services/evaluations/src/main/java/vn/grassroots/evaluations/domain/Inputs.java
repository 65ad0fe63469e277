package vn.grassroots.evaluations.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the platform knows of a rated member or organization in a year, from the read models. Stored with the
 * self-assessment as its snapshot (rating.inputs), so it is part of the rating, not of one layer's answer.
 */
@Schema(name = "PlatformInputs", description = "What the platform already knows, shown beside the self-assessment and never typed: attendance (sinh hoạt), tasks (nhiệm vụ), disciplines (kỷ luật)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Inputs(int year, Inputs.Attendance attendance, Inputs.Tasks tasks, List<Inputs.Discipline> disciplines) {

    public record Discipline(String form, LocalDate decidedOn, String decisionNumber, LocalDate decisionDate, String issuer, String reason) {}

    public record Attendance(long expected, long present, BigDecimal rate, long absentUnexcused) {}

    public record Tasks(long assigned, long completed, long completedOnTime) {}
}
