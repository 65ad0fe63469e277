package vn.grassroots.meetings.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.grassroots.common.imports.ImportJob;
import vn.grassroots.common.imports.ImportJobs;

/** Background register imports (table meeting_import). */
@ApplicationScoped
public class RegisterImportJobs extends ImportJobs {
    private final RegisterImportService imports;

    public RegisterImportJobs(RegisterImportService imports) {
        this.imports = imports;
    }

    void onStart(@Observes StartupEvent e) {
        failInterrupted();
    }

    void onStop(@Observes ShutdownEvent e) {
        stopWorker();
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
