-- Dead letters of a consuming service (vn.grassroots.common.consumer.DeadLetters): a mirror of its dead-letter topic,
-- one row per source record, listed by the admin endpoint and marked when replayed.
CREATE TABLE dead_letter (
    id                bigserial PRIMARY KEY,
    channel           varchar(100) NOT NULL,
    source_topic      varchar(200) NOT NULL,
    source_partition  int          NOT NULL,
    source_offset     bigint       NOT NULL,
    record_key        text,
    record_value      text,
    reason            text         NOT NULL,
    record_time       timestamptz,
    dead_lettered_at  timestamptz  NOT NULL DEFAULT now(),
    replayed_at       timestamptz,
    last_replay_error text,
    UNIQUE (source_topic, source_partition, source_offset)
);
CREATE INDEX dead_letter_pending ON dead_letter (id) WHERE replayed_at IS NULL;
