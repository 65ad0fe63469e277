package vn.grassroots.meetings.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.grassroots.common.imports.ImportJob;
import vn.grassroots.common.imports.ImportJobs;

/** Background register imports (table meeting_import). */
@ApplicationScoped
@Startup // the base tracks the heartbeats of the imports from startup on
public class RegisterImportJobs extends ImportJobs {
    private final RegisterImportService imports;

    public RegisterImportJobs(RegisterImportService imports) {
        this.imports = imports;
    }

    @Override
    protected String table() {
        return "meeting_import";
    }

    @Override
    protected String[] viewerRoles() {
        return Access.KEEPERS;
    }

    public ImportJob start(byte[] body, String mode) {
        imports.precheck(body, mode);
        return start(body, mode, (id, progress) -> imports.importCsv(body, mode, id, progress));
    }
}
