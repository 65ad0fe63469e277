package vn.grassroots.common.imports;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a CSV import (kết quả nhập tệp): counts and every bad row with its line, column and reason. */
public record ImportReport(
        @Schema(description = "Id of the import, the entity id of its audit entry") UUID importId,
        @Schema(description = "all-or-nothing or valid-rows") String mode,
        @Schema(description = "Data rows read (blank lines not counted)") int total,
        @Schema(description = "Rows written") int imported,
        @Schema(description = "Rows refused") int rejected,
        @Schema(description = "Every problem of every bad row, in file order") List<RowError> errors) {

    /** All-or-nothing with bad rows: nothing was written. */
    public boolean refused() {
        return rejected > 0 && imported == 0 && CsvImport.ALL_OR_NOTHING.equals(mode);
    }
}
