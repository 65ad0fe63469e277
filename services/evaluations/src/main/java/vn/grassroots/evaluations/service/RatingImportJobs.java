package vn.grassroots.evaluations.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.grassroots.common.imports.ImportJob;
import vn.grassroots.common.imports.ImportJobs;

/** Background ratings imports (table rating_import). */
@ApplicationScoped
@Startup // the base tracks the heartbeats of the imports from startup on
public class RatingImportJobs extends ImportJobs {
    private final RatingImportService imports;

    public RatingImportJobs(RatingImportService imports) {
        this.imports = imports;
    }

    @Override
    protected String table() {
        return "rating_import";
    }

    @Override
    protected String[] viewerRoles() {
        return RatingService.KEEPERS;
    }

    public ImportJob start(java.util.UUID cycleId, byte[] body, String mode) {
        imports.precheck(cycleId, body, mode);
        return start(body, mode, (id, progress) -> imports.importCsv(cycleId, body, mode, id, progress));
    }
}
