package vn.grassroots.common.imports;

/** QUEUED → RUNNING → SUCCEEDED (rows imported), REJECTED (all-or-nothing with bad rows: nothing imported) or FAILED. */
public enum ImportStatus { QUEUED, RUNNING, SUCCEEDED, REJECTED, FAILED }
