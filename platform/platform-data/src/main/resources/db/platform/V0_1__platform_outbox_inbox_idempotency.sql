-- Platform tables every service has. Platform migrations use versions 0.x; services use 1 and up.

-- Transactional outbox: rows are written in the same transaction as the state change they announce,
-- then published by the relay in position order and marked sent.
CREATE TABLE kx_outbox (
    position      BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    record_key    TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    payload       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX kx_outbox_unsent ON kx_outbox (position) WHERE sent_at IS NULL;
CREATE INDEX kx_outbox_sent_at ON kx_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Per-subject event sequence (the CloudEvents `sequence` extension). The row lock taken by the upsert
-- serialises concurrent writers of one subject.
CREATE TABLE kx_event_sequence (
    subject  TEXT   PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

-- Idempotent inbox: a consumer records each processed event id in the transaction of its effect.
CREATE TABLE kx_inbox (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX kx_inbox_processed_at ON kx_inbox (processed_at);

-- Idempotency-Key: the first response to a create, replayed for retries with the same key.
CREATE TABLE kx_idempotency_key (
    scope          TEXT        NOT NULL,
    idem_key       TEXT        NOT NULL,
    request_hash   TEXT        NOT NULL,
    response_status INT,
    response_location TEXT,
    response_body  TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX kx_idempotency_key_created_at ON kx_idempotency_key (created_at);
