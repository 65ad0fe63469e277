-- Tables every service has, owned by the shared library (outbox, consumers, idempotency, audit).

-- Transactional outbox: written in the business transaction, sent to Kafka by OutboxRelay.
CREATE TABLE outbox (
    seq            bigserial PRIMARY KEY,
    event_id       uuid         NOT NULL UNIQUE,
    topic          varchar(200) NOT NULL,
    aggregate_type varchar(100) NOT NULL,
    aggregate_id   varchar(100) NOT NULL,
    event_type     varchar(200) NOT NULL,
    payload        jsonb        NOT NULL,
    correlation_id varchar(100),
    actor          varchar(200),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    sent_at        timestamptz
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotent consumers: an event id is applied once per consumer, in the same transaction.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key of creating calls: the first answer is replayed for a repeated request.
CREATE TABLE idempotency_key (
    caller       varchar(200) NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash varchar(64)  NOT NULL,
    status       int          NOT NULL,
    location     varchar(1000),
    etag         varchar(100),
    body         text,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

-- Audit trail: who changed what, when, before and after; scope_path lets auditors see their subtree.
CREATE TABLE audit_entry (
    id             bigserial PRIMARY KEY,
    occurred_at    timestamptz   NOT NULL DEFAULT now(),
    actor          varchar(200)  NOT NULL,
    action         varchar(100)  NOT NULL,
    entity_type    varchar(100)  NOT NULL,
    entity_id      varchar(100)  NOT NULL,
    scope_path     varchar(2000) COLLATE "C",
    before_state   jsonb,
    after_state    jsonb,
    correlation_id varchar(100)
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_id, id);
CREATE INDEX audit_entry_scope ON audit_entry (scope_path, id);
