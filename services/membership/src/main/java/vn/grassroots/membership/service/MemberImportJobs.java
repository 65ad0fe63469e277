package vn.grassroots.membership.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.grassroots.common.imports.ImportJob;
import vn.grassroots.common.imports.ImportJobs;

/** Background member imports (table member_import). */
@ApplicationScoped
public class MemberImportJobs extends ImportJobs {
    private final MemberImportService imports;

    public MemberImportJobs(MemberImportService imports) {
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
        return "member_import";
    }

    @Override
    protected String[] viewerRoles() {
        return Access.DECIDERS;
    }

    /** Checks the file up to its header and queues the import; 503 while another one waits already. */
    public ImportJob start(byte[] body, String mode) {
        imports.precheck(body, mode);
        return start(body, mode, (id, progress) -> imports.importCsv(body, mode, id, progress));
    }
}
