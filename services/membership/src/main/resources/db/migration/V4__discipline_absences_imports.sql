-- Discipline (kỷ luật): reprimand, warning, dismissal; expulsion is the status change to EXPELLED and is also
-- recorded here, so that "disciplined in the year" is one query.
CREATE TABLE discipline (
    id              uuid PRIMARY KEY,
    member_id       uuid          NOT NULL REFERENCES member (id),
    form            varchar(20)   NOT NULL,
    decided_on      date          NOT NULL,
    decision_number varchar(100)  NOT NULL,
    authority       varchar(300),
    reason          varchar(1000) NOT NULL,
    recorded_by     varchar(200)  NOT NULL,
    recorded_at     timestamptz   NOT NULL
);
CREATE INDEX discipline_member ON discipline (member_id, decided_on);

-- Unexcused absences (vắng không có lý do) learned from the meetings service; one row per member and meeting,
-- so a redelivered or repeated event changes nothing.
CREATE TABLE unexcused_absence (
    member_id       uuid        NOT NULL,
    meeting_id      uuid        NOT NULL,
    organization_id uuid,
    month           char(7)     NOT NULL,
    meeting_date    date,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (member_id, meeting_id)
);
CREATE INDEX unexcused_absence_month ON unexcused_absence (member_id, month);

-- Members with unexcused absences in three months of one year (Điều lệ Đảng, Điều 8): the cell considers removal.
CREATE TABLE removal_review (
    member_id  uuid        NOT NULL,
    year       int         NOT NULL,
    flagged_at timestamptz NOT NULL,
    PRIMARY KEY (member_id, year)
);
CREATE INDEX removal_review_year ON removal_review (year, member_id);

-- CSV imports run in the background when asked (Prefer: respond-async); their progress is readable meanwhile.
CREATE TABLE member_import (
    id          uuid PRIMARY KEY,
    mode        varchar(20)  NOT NULL,
    status      varchar(20)  NOT NULL,
    phase       varchar(20),
    bytes       bigint       NOT NULL,
    rows_read   int          NOT NULL DEFAULT 0,
    rows_total  int,
    rows_written int         NOT NULL DEFAULT 0,
    report      jsonb,
    problem     jsonb,
    created_by  varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL,
    finished_at timestamptz
);
