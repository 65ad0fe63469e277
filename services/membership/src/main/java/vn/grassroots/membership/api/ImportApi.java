package vn.grassroots.membership.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.imports.ImportJob;
import vn.grassroots.common.problem.Problem;

/**
 * A CSV import that runs in the background (Prefer: respond-async) and shows its progress: the common import job under
 * this service's schema names.
 */
public final class ImportApi {
    private ImportApi() {}

    /** QUEUED → RUNNING → SUCCEEDED (rows imported), REJECTED (all-or-nothing with bad rows: nothing imported) or FAILED. */
    @Schema(name = "MemberImportStatus")
    public enum Status { QUEUED, RUNNING, SUCCEEDED, REJECTED, FAILED }

    @Schema(name = "MemberImport", description = "A background CSV import and where it stands (tiến độ nhập danh sách)")
    public record View(UUID id, String mode, Status status,
            @Schema(description = "VALIDATING (pass 1: every row checked) or WRITING (pass 2: good rows written in batches)") String phase,
            @Schema(description = "Size of the file") long bytes,
            @Schema(description = "Lines after the header, counted when queued: about the number of rows") int rowsEstimated,
            @Schema(description = "Data rows validated so far") int rowsRead,
            @Schema(description = "Data rows of the file, once validation has read them all") Integer rowsTotal,
            @Schema(description = "Members written so far (committed together at the end)") int rowsWritten,
            @Schema(description = "Share done, 0 to 100: validation counts for the first half, writing for the second") int percent,
            @Schema(description = "When finished: the import report, as the synchronous call answers it") Views.ImportReport report,
            @Schema(description = "When FAILED: why") Problem problem,
            String createdBy, Instant createdAt, Instant finishedAt) {
        public static View of(ImportJob j) {
            return new View(j.id(), j.mode(), Status.valueOf(j.status().name()), j.phase(), j.bytes(), j.rowsEstimated(), j.rowsRead(),
                    j.rowsTotal(), j.rowsWritten(), j.percent(), j.report() == null ? null : Views.ImportReport.of(j.report()),
                    j.problem(), j.createdBy(), j.createdAt(), j.finishedAt());
        }
    }
}
