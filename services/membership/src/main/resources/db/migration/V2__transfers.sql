-- Transfers (chuyển sinh hoạt đảng). OFFICIAL: the sending side issues an introduction letter, the receiving side
-- accepts; meanwhile the member is in transit (member.in_transit_transfer_id) and counted by neither side.
-- TEMPORARY: the member keeps the home cell and is also active in a host cell until end_date, once the host accepts.
CREATE TABLE transfer (
    id                   uuid PRIMARY KEY,
    member_id            uuid         NOT NULL REFERENCES member (id),
    kind                 varchar(20)  NOT NULL,
    from_organization_id uuid         NOT NULL,
    to_organization_id   uuid         NOT NULL,
    letter_number        varchar(100) NOT NULL,
    issued_on            date         NOT NULL,
    end_date             date,
    reason               varchar(1000),
    status               varchar(20)  NOT NULL,
    accepted_on          date,
    issued_by            varchar(200) NOT NULL,
    accepted_by          varchar(200),
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL
);
CREATE INDEX transfer_to ON transfer (to_organization_id, status);
CREATE INDEX transfer_from ON transfer (from_organization_id, status);
CREATE INDEX transfer_member ON transfer (member_id);
-- at most one open official transfer per member
CREATE UNIQUE INDEX transfer_one_pending ON transfer (member_id) WHERE status = 'PENDING' AND kind = 'OFFICIAL';

ALTER TABLE member ADD COLUMN in_transit_transfer_id uuid;
