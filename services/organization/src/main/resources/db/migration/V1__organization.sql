CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The organization tree. path = "/<root id>/…/<own id>/", C-collated: a subtree is one indexed range scan.
CREATE TABLE organization (
    id                          uuid PRIMARY KEY,
    parent_id                   uuid REFERENCES organization (id),
    path                        varchar(2000) COLLATE "C" NOT NULL,
    depth                       int           NOT NULL,
    type                        varchar(40)   NOT NULL,
    sector                      varchar(40)   NOT NULL,
    status                      varchar(20)   NOT NULL,
    name                        varchar(300)  NOT NULL,
    search_name                 varchar(300)  NOT NULL,
    code                        varchar(50) UNIQUE,
    address                     varchar(500),
    founded_on                  date,
    founding_decision_number    varchar(100),
    founding_decision_date      date,
    dissolved_on                date,
    dissolution_decision_number varchar(100),
    dissolution_decision_date   date,
    dissolution_reason          varchar(1000),
    merged_into_id              uuid REFERENCES organization (id),
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    version                     bigint        NOT NULL
);
CREATE UNIQUE INDEX organization_path ON organization (path);
CREATE INDEX organization_parent ON organization (parent_id, search_name, id);
CREATE INDEX organization_name ON organization (search_name, id);
CREATE INDEX organization_name_trgm ON organization USING gin (search_name gin_trgm_ops);

-- The one JSON shape of an organization: REST answers, event payloads and the state topic all use it.
CREATE FUNCTION organization_state(o organization) RETURNS jsonb LANGUAGE sql STABLE AS $$
SELECT jsonb_strip_nulls(jsonb_build_object(
    'id', o.id,
    'parentId', o.parent_id,
    'path', o.path,
    'depth', o.depth,
    'type', o.type,
    'sector', o.sector,
    'status', o.status,
    'name', o.name,
    'code', o.code,
    'address', o.address,
    'foundedOn', o.founded_on,
    'foundingDecision', CASE WHEN o.founding_decision_number IS NOT NULL
        THEN jsonb_build_object('number', o.founding_decision_number, 'date', o.founding_decision_date) END,
    'dissolvedOn', o.dissolved_on,
    'dissolutionDecision', CASE WHEN o.dissolution_decision_number IS NOT NULL
        THEN jsonb_build_object('number', o.dissolution_decision_number, 'date', o.dissolution_decision_date) END,
    'dissolutionReason', o.dissolution_reason,
    'mergedIntoId', o.merged_into_id,
    'version', o.version,
    'createdAt', to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'updatedAt', to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
$$;

-- Committees (cấp ủy) per organization and term (nhiệm kỳ), and the positions in them.
CREATE TABLE committee (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    term            varchar(9)  NOT NULL,
    start_year      int         NOT NULL,
    end_year        int         NOT NULL,
    elected_on      date,
    decision_number varchar(100),
    decision_date   date,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL,
    UNIQUE (organization_id, term)
);

CREATE TABLE committee_position (
    id               uuid PRIMARY KEY,
    committee_id     uuid         NOT NULL REFERENCES committee (id),
    member_id        uuid         NOT NULL,
    member_name      varchar(200),
    position         varchar(40)  NOT NULL,
    concurrent_roles varchar(1000),
    since            date         NOT NULL,
    until            date,
    end_reason       varchar(500),
    created_at       timestamptz  NOT NULL
);
CREATE INDEX committee_position_committee ON committee_position (committee_id);
-- At most one sitting secretary per committee, and one sitting position per member in a committee.
CREATE UNIQUE INDEX committee_one_secretary ON committee_position (committee_id) WHERE position = 'SECRETARY' AND until IS NULL;
CREATE UNIQUE INDEX committee_one_seat ON committee_position (committee_id, member_id) WHERE until IS NULL;

-- Working regulations (quy chế làm việc) of an organization.
CREATE TABLE working_regulation (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organization (id),
    document_number varchar(100) NOT NULL,
    issued_on       date         NOT NULL,
    title           varchar(500) NOT NULL,
    term            varchar(9),
    created_at      timestamptz  NOT NULL,
    UNIQUE (organization_id, document_number)
);
