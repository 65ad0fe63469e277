package vn.grassroots.organization.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A decision (quyết định): its number (số) and date (ngày)")
public record Decision(
        @NotBlank @Size(max = 100) @Schema(example = "125-QĐ/TU") String number,
        @NotNull @Schema(example = "2025-09-15") LocalDate date) {}
