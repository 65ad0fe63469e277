-- Ratings imports (vn.grassroots.common.imports.ImportJobs) run in the background when asked (Prefer: respond-async);
-- their progress is readable meanwhile. The shape of membership's member_import.
CREATE TABLE rating_import (
    id             uuid PRIMARY KEY,
    mode           varchar(20)  NOT NULL,
    status         varchar(20)  NOT NULL,
    phase          varchar(20),
    bytes          bigint       NOT NULL,
    rows_estimated int          NOT NULL DEFAULT 0,
    rows_read      int          NOT NULL DEFAULT 0,
    rows_total     int,
    rows_written   int          NOT NULL DEFAULT 0,
    report         jsonb,
    problem        jsonb,
    created_by     varchar(200) NOT NULL,
    created_at     timestamptz  NOT NULL,
    finished_at    timestamptz
);
