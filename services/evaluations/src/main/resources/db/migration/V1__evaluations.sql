-- Read model of the organization tree (from the organization service's topics; never its tables).
-- path is C-collated: a subtree is one indexed range (see Subtree).
CREATE TABLE org_ref (
    id         uuid PRIMARY KEY,
    parent_id  uuid,
    path       varchar(2000) COLLATE "C" NOT NULL,
    depth      int           NOT NULL,
    type       varchar(40)   NOT NULL,
    sector     varchar(40)   NOT NULL,
    status     varchar(20)   NOT NULL,
    name       varchar(300)  NOT NULL,
    version    bigint        NOT NULL,
    applied_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX org_ref_path ON org_ref (path);

-- Read model of members (from the membership service's topics): where each is active and their status.
CREATE TABLE member_ref (
    id              uuid PRIMARY KEY,
    full_name       varchar(200) NOT NULL,
    organization_id uuid         NOT NULL,
    status          varchar(30)  NOT NULL,
    version         bigint       NOT NULL,
    applied_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX member_ref_org ON member_ref (organization_id, id);

-- Disciplines (kỷ luật) from vn.grassroots.member.disciplined events: one row per event.
CREATE TABLE member_discipline (
    event_id        varchar(100) PRIMARY KEY,
    member_id       uuid         NOT NULL,
    form            varchar(20)  NOT NULL,
    decided_on      date         NOT NULL,
    decision_number varchar(100),
    decision_date   date,
    issuer          varchar(300),
    reason          varchar(2000)
);
CREATE INDEX member_discipline_member ON member_discipline (member_id, decided_on);

-- Attendance of each member at each held meeting (from vn.grassroots.meeting.held and absence-unexcused):
-- statistics per member and year are aggregates over it, and a redelivered or repeated event rewrites one row.
CREATE TABLE meeting_attendance (
    meeting_id      uuid        NOT NULL,
    member_id       uuid        NOT NULL,
    organization_id uuid,
    year            int         NOT NULL,
    status          varchar(20) NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id, year);

-- Tasks (from grassroots.assignments.tasks.v1), latest version of each: statistics per assignee and year.
CREATE TABLE task_ref (
    id                       uuid PRIMARY KEY,
    assignee_type            varchar(20) NOT NULL,
    assignee_id              uuid        NOT NULL,
    assignee_organization_id uuid,
    due_date                 date        NOT NULL,
    state                    varchar(20) NOT NULL,
    completed_on             date,
    on_time                  boolean,
    version                  bigint      NOT NULL
);
CREATE INDEX task_ref_assignee ON task_ref (assignee_id, due_date);

-- Rating policies (quy định, hướng dẫn đánh giá xếp loại) as versioned data: levels, criteria, bands, quotas and
-- caps live in one JSON document. A policy never changes once created; a new regulation is a new policy.
CREATE TABLE policy (
    id             uuid PRIMARY KEY,
    code           varchar(60)  NOT NULL UNIQUE,
    name           varchar(300) NOT NULL,
    source         varchar(500),
    from_year      int          NOT NULL,
    to_year        int,
    built_in       boolean      NOT NULL,
    document       jsonb        NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    created_by     varchar(200) NOT NULL
);

-- Evaluation cycles (đợt đánh giá): a year, a scope (subtree) and a policy.
CREATE TABLE cycle (
    id              uuid PRIMARY KEY,
    year            int           NOT NULL,
    name            varchar(300)  NOT NULL,
    scope_org_id    uuid          NOT NULL,
    scope_path      varchar(2000) COLLATE "C" NOT NULL,
    policy_id       uuid          NOT NULL REFERENCES policy (id),
    state           varchar(20)   NOT NULL,
    opened_at       timestamptz   NOT NULL,
    opened_by       varchar(200)  NOT NULL,
    closed_at       timestamptz,
    closed_by       varchar(200),
    version         bigint        NOT NULL
);
CREATE UNIQUE INDEX cycle_year_scope ON cycle (year, scope_org_id);
CREATE INDEX cycle_scope ON cycle (scope_path, year);

-- One rating (xếp loại) of a member or an organization in a cycle and its workflow:
-- self-assessment → proposal → decision (final); each step records who and when; a step can be sent back.
-- org_path/org_type/org_sector: the rated organization (a member's cell), so reports filter one indexed range.
CREATE TABLE rating (
    id               uuid PRIMARY KEY,
    cycle_id         uuid          NOT NULL REFERENCES cycle (id),
    year             int           NOT NULL,
    subject_type     varchar(20)   NOT NULL,
    subject_id       uuid          NOT NULL,
    subject_name     varchar(300)  NOT NULL,
    organization_id  uuid          NOT NULL,
    org_path         varchar(2000) COLLATE "C" NOT NULL,
    org_type         varchar(40)   NOT NULL,
    org_sector       varchar(40)   NOT NULL,
    state            varchar(30)   NOT NULL,
    self_scores      jsonb,
    self_total       numeric(6, 2),
    self_text        text,
    self_by          varchar(200),
    self_at          timestamptz,
    inputs           jsonb,
    proposed_level   varchar(40),
    proposal_note    text,
    proposed_by      varchar(200),
    proposed_at      timestamptz,
    decided_level    varchar(40),
    decided_rank     int,
    decision_note    text,
    decided_by       varchar(200),
    decided_at       timestamptz,
    sent_back_reason text,
    sent_back_by     varchar(200),
    sent_back_at     timestamptz,
    version          bigint        NOT NULL,
    UNIQUE (cycle_id, subject_type, subject_id)
);
CREATE INDEX rating_report ON rating (org_path, year) WHERE state = 'DECIDED';
CREATE INDEX rating_cycle_org ON rating (cycle_id, organization_id, decided_level);
CREATE INDEX rating_cycle_list ON rating (cycle_id, subject_type, subject_name, id);

-- Recognition (chi bộ 4 tốt, đảng bộ cơ sở 4 tốt) within a cycle.
CREATE TABLE recognition (
    id              uuid PRIMARY KEY,
    cycle_id        uuid          NOT NULL REFERENCES cycle (id),
    organization_id uuid          NOT NULL,
    org_path        varchar(2000) COLLATE "C" NOT NULL,
    title           varchar(40)   NOT NULL,
    note            text,
    recognized_by   varchar(200)  NOT NULL,
    recognized_at   timestamptz   NOT NULL,
    UNIQUE (cycle_id, organization_id)
);

-- Thematic inspections (kiểm tra chuyên đề) of cells within a cycle: planned, then recorded.
CREATE TABLE inspection (
    id              uuid PRIMARY KEY,
    cycle_id        uuid          NOT NULL REFERENCES cycle (id),
    organization_id uuid          NOT NULL,
    org_path        varchar(2000) COLLATE "C" NOT NULL,
    topic           varchar(500)  NOT NULL,
    planned_on      date          NOT NULL,
    state           varchar(20)   NOT NULL,
    inspected_on    date,
    result          varchar(40),
    findings        text,
    planned_by      varchar(200)  NOT NULL,
    recorded_by     varchar(200),
    recorded_at     timestamptz,
    version         bigint        NOT NULL
);
CREATE INDEX inspection_cycle ON inspection (cycle_id, org_path);
