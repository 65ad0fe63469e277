package vn.grassroots.common.imports;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.web.CorrelationId;

/** Problem details (422 import-refused) carrying the report of an all-or-nothing import that found bad rows: nothing was imported. */
public record ImportRefused(String type, String title, int status, String detail, String correlationId, UUID importId,
        String mode, int total, int imported, int rejected, List<RowError> errors) {
    public static ImportRefused of(ImportReport r) {
        return new ImportRefused(Problem.TYPE_BASE + "import-refused", "Unprocessable request", 422,
                r.rejected() + " of " + r.total() + " rows are bad; nothing was imported", CorrelationId.current(),
                r.importId(), r.mode(), r.total(), r.imported(), r.rejected(), r.errors());
    }
}
