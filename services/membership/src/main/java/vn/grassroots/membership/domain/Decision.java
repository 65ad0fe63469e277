package vn.grassroots.membership.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision (quyết định): its number and date. */
@Schema(name = "Decision", description = "Quyết định: số và ngày")
public record Decision(
        @NotBlank @Size(max = 100) @Schema(example = "125-QĐ/HU") String number,
        @NotNull @Schema(example = "2025-06-01") LocalDate date) {}
