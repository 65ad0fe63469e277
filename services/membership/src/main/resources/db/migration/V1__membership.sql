CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Read model of the organization tree (from the organization service's topics; never its tables).
-- path is C-collated like the source's: a subtree is one indexed range (see Subtree).
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

-- Members (đảng viên). The organization is referenced by id; its place in the tree comes from org_ref,
-- so a move of the tree needs no change here.
CREATE TABLE member (
    id                uuid PRIMARY KEY,
    full_name         varchar(200)  NOT NULL,
    search_name       varchar(200)  NOT NULL,
    birth_date        date          NOT NULL,
    gender            varchar(10)   NOT NULL,
    ethnicity         varchar(100),
    religion          varchar(100),
    citizen_id        varchar(20),
    phone             varchar(30),
    email             varchar(200),
    home_town         varchar(300),
    education_level   varchar(100),
    theory_level      varchar(20)   NOT NULL,
    occupation        varchar(200),
    party_card_number varchar(30),
    admission_date    date          NOT NULL,
    official_date     date,
    organization_id   uuid          NOT NULL,
    status            varchar(20)   NOT NULL,
    status_since      date          NOT NULL,
    candidate_id      uuid,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL
);
CREATE UNIQUE INDEX member_party_card ON member (party_card_number) WHERE party_card_number IS NOT NULL;
CREATE INDEX member_org_name ON member (organization_id, search_name, id);
CREATE INDEX member_name ON member (search_name, id);
CREATE INDEX member_name_trgm ON member USING gin (search_name gin_trgm_ops);
CREATE INDEX member_probation ON member (admission_date) WHERE status = 'PROBATIONARY';

-- Every status change with its decision: the full history (there is no free edit of the status).
CREATE TABLE member_status_change (
    id              bigserial PRIMARY KEY,
    member_id       uuid         NOT NULL REFERENCES member (id),
    from_status     varchar(20),
    to_status       varchar(20)  NOT NULL,
    reason          varchar(1000) NOT NULL,
    decision_number varchar(100) NOT NULL,
    decision_date   date         NOT NULL,
    recorded_by     varchar(200) NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
CREATE INDEX member_status_change_member ON member_status_change (member_id, id);

-- Candidates for admission (quần chúng ưu tú) and the steps of the pipeline, in order.
CREATE TABLE candidate (
    id                uuid PRIMARY KEY,
    full_name         varchar(200)  NOT NULL,
    search_name       varchar(200)  NOT NULL,
    birth_date        date          NOT NULL,
    gender            varchar(10)   NOT NULL,
    ethnicity         varchar(100),
    religion          varchar(100),
    citizen_id        varchar(20),
    phone             varchar(30),
    email             varchar(200),
    home_town         varchar(300),
    education_level   varchar(100),
    theory_level      varchar(20)   NOT NULL,
    occupation        varchar(200),
    organization_id   uuid          NOT NULL,
    stage             varchar(40)   NOT NULL,
    member_id         uuid,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL
);
CREATE INDEX candidate_org_name ON candidate (organization_id, search_name, id);
CREATE INDEX candidate_name ON candidate (search_name, id);

CREATE TABLE candidate_step (
    id              bigserial PRIMARY KEY,
    candidate_id    uuid         NOT NULL REFERENCES candidate (id),
    step            varchar(40)  NOT NULL,
    step_date       date         NOT NULL,
    decision_number varchar(100),
    note            varchar(1000),
    recorded_by     varchar(200) NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    UNIQUE (candidate_id, step)
);
