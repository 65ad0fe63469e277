package vn.grassroots.common.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** QUEUED → RUNNING → SUCCEEDED (rows imported), REJECTED (all-or-nothing with bad rows: nothing imported) or FAILED. */
@Schema(name = "ImportStatus")
public enum ImportStatus { QUEUED, RUNNING, SUCCEEDED, REJECTED, FAILED }
