-- Read model of the organization tree (from the organization service's topics; never its tables).
-- path is C-collated like the source's: a subtree is one indexed range (see Subtree).
CREATE TABLE org_ref (
    id         uuid PRIMARY KEY,
    parent_id  uuid,
    path       varchar(2000) COLLATE "C" NOT NULL,
    depth      int           NOT NULL,
    type       varchar(40)   NOT NULL,
    sector     varchar(40),
    status     varchar(20)   NOT NULL,
    name       varchar(300)  NOT NULL,
    version    bigint        NOT NULL,
    applied_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX org_ref_path ON org_ref (path);

-- Read model of members (from the membership service's topics): where a member is active and their status.
CREATE TABLE member_ref (
    id              uuid PRIMARY KEY,
    full_name       varchar(200) NOT NULL,
    organization_id uuid         NOT NULL,
    status          varchar(20)  NOT NULL,
    version         bigint       NOT NULL,
    applied_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX member_ref_org ON member_ref (organization_id);

-- Held meetings (from the meetings service's held events): enough for the monthly attendance duty.
CREATE TABLE held_meeting (
    id                    uuid PRIMARY KEY,
    organization_id       uuid        NOT NULL,
    kind                  varchar(20) NOT NULL,
    meeting_date          date        NOT NULL,
    superior_attendee_ids uuid[]      NOT NULL DEFAULT '{}',
    version               bigint      NOT NULL,
    applied_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX held_meeting_org_date ON held_meeting (organization_id, meeting_date);

-- Households (hộ gia đình) of a residential cell.
CREATE TABLE household (
    id              uuid PRIMARY KEY,
    organization_id uuid          NOT NULL,
    address         varchar(500)  NOT NULL,
    head_name       varchar(200)  NOT NULL,
    people_count    int           NOT NULL,
    notes           varchar(2000),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX household_org ON household (organization_id, id);

-- Monitoring assignments (phân công theo dõi, phụ trách). organization_id is the target organization or the
-- household's cell; deciding_organization_id is the organization whose committee made the decision, which
-- gives the assignment its level (provincial, district, grassroots) for the coverage report.
CREATE TABLE assignment (
    id                       uuid PRIMARY KEY,
    person_id                uuid         NOT NULL,
    target_type              varchar(20)  NOT NULL,
    target_id                uuid         NOT NULL,
    organization_id          uuid         NOT NULL,
    deciding_organization_id uuid         NOT NULL,
    level                    varchar(20)  NOT NULL,
    role                     varchar(20)  NOT NULL,
    valid_from               date         NOT NULL,
    valid_to                 date,
    decision_number          varchar(100),
    decision_date            date,
    note                     varchar(2000),
    status                   varchar(10)  NOT NULL,
    end_reason               varchar(500),
    ended_on                 date,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL
);
CREATE INDEX assignment_person ON assignment (person_id) WHERE status = 'ACTIVE';
CREATE INDEX assignment_org ON assignment (organization_id, id);
CREATE INDEX assignment_target ON assignment (target_id) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX assignment_unique_active ON assignment (person_id, target_id, role) WHERE status = 'ACTIVE';

-- Plans (kế hoạch) issued by an organization for a period; they group tasks.
CREATE TABLE plan (
    id              uuid PRIMARY KEY,
    organization_id uuid          NOT NULL,
    title           varchar(300)  NOT NULL,
    description     varchar(5000),
    period_from     date          NOT NULL,
    period_to       date          NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX plan_org ON plan (organization_id, id);

-- Tasks (nhiệm vụ). overdue is set once by the overdue check, which publishes the overdue event in the same
-- transaction: a task is announced overdue exactly once.
CREATE TABLE task (
    id                       uuid PRIMARY KEY,
    plan_id                  uuid REFERENCES plan (id),
    issuing_organization_id  uuid          NOT NULL,
    title                    varchar(300)  NOT NULL,
    description              varchar(5000),
    assignee_type            varchar(20)   NOT NULL,
    assignee_id              uuid          NOT NULL,
    assignee_organization_id uuid          NOT NULL,
    due_date                 date          NOT NULL,
    state                    varchar(20)   NOT NULL,
    progress_percent         int           NOT NULL DEFAULT 0,
    completed_on             date,
    overdue                  boolean       NOT NULL DEFAULT false,
    overdue_batch            uuid,
    cancel_reason            varchar(1000),
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL,
    version                  bigint        NOT NULL
);
CREATE INDEX task_plan ON task (plan_id, id);
CREATE INDEX task_issuer ON task (issuing_organization_id, id);
CREATE INDEX task_assignee ON task (assignee_id, updated_at, id);
CREATE INDEX task_open_due ON task (due_date) WHERE state IN ('ASSIGNED', 'IN_PROGRESS') AND NOT overdue;
CREATE INDEX task_overdue_batch ON task (overdue_batch) WHERE overdue_batch IS NOT NULL;

CREATE TABLE task_progress (
    id          bigserial PRIMARY KEY,
    task_id     uuid          NOT NULL REFERENCES task (id),
    percent     int           NOT NULL,
    note        varchar(2000) NOT NULL,
    reported_by varchar(200)  NOT NULL,
    member_id   uuid,
    reported_at timestamptz   NOT NULL
);
CREATE INDEX task_progress_task ON task_progress (task_id, id);

-- The shape of assignments and tasks in events and on the state topics, built in SQL so that one statement can
-- publish the events of many rows (Outbox.publishEach) and single events use the very same shape.
CREATE FUNCTION utc_text(t timestamptz) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

CREATE VIEW assignment_payload AS
SELECT a.id, jsonb_build_object(
        'id', a.id, 'personId', a.person_id, 'targetType', a.target_type, 'targetId', a.target_id,
        'organizationId', a.organization_id, 'decidingOrganizationId', a.deciding_organization_id, 'level', a.level,
        'role', a.role, 'validFrom', a.valid_from, 'validTo', a.valid_to, 'status', a.status,
        'endReason', a.end_reason, 'endedOn', a.ended_on,
        'decision', CASE WHEN a.decision_number IS NULL THEN NULL
                         ELSE jsonb_build_object('number', a.decision_number, 'date', a.decision_date) END,
        'version', a.version, 'updatedAt', utc_text(a.updated_at)) AS payload
FROM assignment a;

CREATE VIEW task_payload AS
SELECT t.id, jsonb_build_object(
        'id', t.id, 'planId', t.plan_id, 'issuingOrganizationId', t.issuing_organization_id, 'title', t.title,
        'assigneeType', t.assignee_type, 'assigneeId', t.assignee_id,
        'assigneeOrganizationId', t.assignee_organization_id, 'dueDate', t.due_date, 'state', t.state,
        'completedOn', t.completed_on,
        'onTime', CASE WHEN t.completed_on IS NULL THEN NULL ELSE t.completed_on <= t.due_date END,
        'overdue', t.overdue, 'version', t.version, 'updatedAt', utc_text(t.updated_at)) AS payload
FROM task t;
