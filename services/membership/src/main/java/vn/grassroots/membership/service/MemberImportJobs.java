package vn.grassroots.membership.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.grassroots.common.imports.ImportJob;
import vn.grassroots.common.imports.ImportJobs;

/** Background member imports (table member_import). */
@ApplicationScoped
@Startup // the base tracks the heartbeats of the imports from startup on
public class MemberImportJobs extends ImportJobs {
    private final MemberImportService imports;

    public MemberImportJobs(MemberImportService imports) {
        this.imports = imports;
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
