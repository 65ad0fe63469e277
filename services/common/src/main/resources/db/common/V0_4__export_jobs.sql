-- Background exports (vn.grassroots.common.export.ExportJobs): a file too large to answer within the gateway's timeout
-- is written by a worker in chunks of about 1 MiB, so any instance of the service can stream it back, and the
-- progress is visible while it runs. Finished exports are kept for a day.
CREATE TABLE export_job (
    id             uuid         PRIMARY KEY,
    report         varchar(60)  NOT NULL,
    parameters     jsonb        NOT NULL,
    file_name      varchar(200) NOT NULL,
    media_type     varchar(100) NOT NULL,
    status         varchar(20)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_expected  bigint,
    rows_written   bigint       NOT NULL DEFAULT 0,
    bytes          bigint       NOT NULL DEFAULT 0,
    problem        jsonb,
    created_by     varchar(200) NOT NULL,
    created_at     timestamptz  NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz
);
CREATE INDEX export_job_created ON export_job (created_at);

CREATE TABLE export_chunk (
    job_id  uuid  NOT NULL REFERENCES export_job (id) ON DELETE CASCADE,
    seq     int   NOT NULL,
    data    bytea NOT NULL,
    PRIMARY KEY (job_id, seq)
);
