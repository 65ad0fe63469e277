package vn.grassroots.common.imports;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.problem.Problem;

/**
 * A background CSV import and where it stands (tiến độ nhập tệp). The import records carry no class-level @Schema: it
 * would list them in the OpenAPI document of every service; they appear where an operation uses them.
 */
public record ImportJob(UUID id, String mode, ImportStatus status,
        @Schema(description = "VALIDATING (every row checked) or WRITING (good rows written)") String phase,
        @Schema(description = "Size of the file") long bytes,
        @Schema(description = "Lines after the header, counted when queued: about the number of rows") int rowsEstimated,
        @Schema(description = "Data rows validated so far") int rowsRead,
        @Schema(description = "Data rows of the file, once validation has read them all") Integer rowsTotal,
        @Schema(description = "Rows written so far (committed together at the end)") int rowsWritten,
        @Schema(description = "Share done, 0 to 100: validation counts for the first half, writing for the second") int percent,
        @Schema(description = "When finished: the import report, as the synchronous call answers it") ImportReport report,
        @Schema(description = "When FAILED: why") Problem problem,
        String createdBy, Instant createdAt, Instant finishedAt) {}
