-- Read model of the organization tree (from the organization service's topics). path is C-collated:
-- a subtree is one indexed range (see Subtree).
CREATE TABLE org_ref (
    id         uuid PRIMARY KEY,
    parent_id  uuid,
    path       varchar(2000) COLLATE "C" NOT NULL,
    depth      int           NOT NULL,
    type       varchar(40)   NOT NULL,
    status     varchar(20)   NOT NULL,
    name       varchar(300)  NOT NULL,
    version    bigint        NOT NULL,
    applied_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX org_ref_path ON org_ref (path);

-- Read model of members (from the membership topics): where each one is active, and the host cells of an
-- active temporary transfer (where the member is active too).
CREATE TABLE member_ref (
    id              uuid PRIMARY KEY,
    full_name       varchar(200) NOT NULL,
    organization_id uuid         NOT NULL,
    status          varchar(20)  NOT NULL,
    version         bigint       NOT NULL,
    applied_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX member_ref_org ON member_ref (organization_id, id);
CREATE TABLE member_host (
    member_id       uuid NOT NULL REFERENCES member_ref (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL,
    until           date,
    PRIMARY KEY (member_id, organization_id)
);
CREATE INDEX member_host_org ON member_host (organization_id, member_id);

-- Read model of the assignments service: who (a superior committee member) is assigned to which organization.
CREATE TABLE assignment_ref (
    id              uuid PRIMARY KEY,
    person_id       uuid        NOT NULL,
    target_type     varchar(20) NOT NULL,
    target_id       uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    role            varchar(30) NOT NULL,
    valid_from      date        NOT NULL,
    valid_to        date,
    status          varchar(20) NOT NULL,
    version         bigint      NOT NULL
);
CREATE INDEX assignment_ref_org ON assignment_ref (organization_id, role);

-- Meetings (sinh hoạt). organization_path is a copy of the organization's path kept in step with org_ref
-- (a move rewrites it in one statement), so every scope filter is one indexed range on this table.
CREATE TABLE meeting (
    id                  uuid PRIMARY KEY,
    organization_id     uuid          NOT NULL,
    organization_path   varchar(2000) COLLATE "C" NOT NULL,
    kind                varchar(20)   NOT NULL,
    format              varchar(20)   NOT NULL,
    starts_at           timestamptz   NOT NULL,
    meeting_date        date          NOT NULL,
    place               varchar(500),
    online_link         varchar(1000),
    topic               varchar(500)  NOT NULL,
    documents           jsonb         NOT NULL DEFAULT '[]',
    state               varchar(20)   NOT NULL,
    cancel_reason       varchar(2000),
    minutes             text,
    resolution          text,
    criticism           text,
    conclusions         text,
    minutes_approved_at timestamptz,
    minutes_approved_by varchar(200),
    expected            int,
    expected_official   int,
    present             int,
    present_official    int,
    absent_excused      int,
    absent_unexcused    int,
    quorum_met          boolean,
    superior_expected   boolean,
    superior_attended   boolean,
    quality_score       int,
    quality_level       varchar(20),
    quality_criteria    jsonb,
    quality_comment     varchar(2000),
    quality_rated_by    varchar(200),
    quality_review      jsonb,
    created_by          varchar(200)  NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL
);
CREATE INDEX meeting_path_date ON meeting (organization_path, meeting_date);
CREATE INDEX meeting_org_start ON meeting (organization_id, starts_at, id);
CREATE INDEX meeting_org_date ON meeting (organization_id, meeting_date);
CREATE INDEX meeting_org_updated ON meeting (organization_id, updated_at, id);

CREATE TABLE agenda_item (
    meeting_id  uuid          NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position    int           NOT NULL,
    id          uuid          NOT NULL UNIQUE,
    title       varchar(500)  NOT NULL,
    description varchar(4000),
    PRIMARY KEY (meeting_id, position)
);

-- Comments on agenda items before the meeting (góp ý), by members of the organization.
CREATE TABLE agenda_comment (
    id             bigserial PRIMARY KEY,
    meeting_id     uuid          NOT NULL REFERENCES meeting (id),
    agenda_item_id uuid          NOT NULL,
    member_id      uuid          NOT NULL,
    author         varchar(200)  NOT NULL,
    text           varchar(4000) NOT NULL,
    created_at     timestamptz   NOT NULL
);
CREATE INDEX agenda_comment_meeting ON agenda_comment (meeting_id, id);

-- Attendance of the roster, frozen when the meeting is recorded as held.
CREATE TABLE attendance (
    meeting_id  uuid         NOT NULL REFERENCES meeting (id),
    member_id   uuid         NOT NULL,
    full_name   varchar(200) NOT NULL,
    official    boolean      NOT NULL,
    temporary   boolean      NOT NULL,
    status      varchar(20)  NOT NULL,
    reason      varchar(1000),
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX attendance_member ON attendance (member_id, meeting_id);

-- Guests (khách mời), among them the superior committee member assigned to attend.
CREATE TABLE meeting_guest (
    meeting_id uuid         NOT NULL REFERENCES meeting (id),
    position   int          NOT NULL,
    full_name  varchar(200) NOT NULL,
    member_id  uuid,
    title      varchar(300),
    superior   boolean      NOT NULL,
    PRIMARY KEY (meeting_id, position)
);
