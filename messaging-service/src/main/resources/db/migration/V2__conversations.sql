-- messaging-service: its projection of orders, one conversation per order, and the messages.

-- What messaging knows about an order, from kx.orders.v1 (order-service owns the order itself).
-- last_sequence is the CloudEvents sequence of the last applied event: an older event never overwrites a newer one.
CREATE TABLE order_projection (
    order_id       TEXT        PRIMARY KEY,
    seller_id      TEXT        NOT NULL,
    customer_id    TEXT        NOT NULL,
    order_type     TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    country        TEXT,
    region         TEXT,
    carrier        TEXT,
    last_sequence  BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- One conversation per order between its customer and its seller.
-- awaiting_since is the time of the oldest customer message the seller has not answered yet
-- (null when nothing is waiting); waiting_messages counts those messages.
CREATE TABLE conversation (
    conversation_id            TEXT        PRIMARY KEY,
    order_id                   TEXT        NOT NULL UNIQUE REFERENCES order_projection (order_id),
    seller_id                  TEXT        NOT NULL,
    customer_id                TEXT        NOT NULL,
    opened_at                  TIMESTAMPTZ NOT NULL,
    last_message_at            TIMESTAMPTZ NOT NULL,
    first_customer_message_at  TIMESTAMPTZ NOT NULL,
    awaiting_since             TIMESTAMPTZ,
    waiting_messages           INT         NOT NULL DEFAULT 0 CHECK (waiting_messages >= 0),
    first_reply_at             TIMESTAMPTZ,
    first_reply_seconds        BIGINT,
    version                    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX conversation_by_seller ON conversation (seller_id, opened_at DESC, conversation_id DESC);
CREATE INDEX conversation_awaiting ON conversation (seller_id, awaiting_since) WHERE awaiting_since IS NOT NULL;

-- Customer message ids come from the storefront (the idempotency key); seller message ids are generated.
-- acknowledged_warnings: the WARN rule ids the seller knowingly overrode (comma-separated rule ids).
-- escalation_signals: what escalation detection found in a customer message (comma-separated signals).
CREATE TABLE message (
    position              BIGSERIAL   UNIQUE,
    message_id            TEXT        PRIMARY KEY,
    conversation_id       TEXT        NOT NULL REFERENCES conversation (conversation_id),
    author_kind           TEXT        NOT NULL CHECK (author_kind IN ('CUSTOMER', 'SELLER')),
    author_id             TEXT        NOT NULL,
    body                  TEXT        NOT NULL,
    sent_at               TIMESTAMPTZ NOT NULL,
    acknowledged_warnings TEXT        NOT NULL DEFAULT '',
    escalation_signals    TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX message_by_conversation ON message (conversation_id, position);

-- Active platform-wide delivery slowdowns (kx.platform.incidents.v1), shown beside conversations they cover.
CREATE TABLE platform_incident (
    incident_id    TEXT        PRIMARY KEY,
    regions        TEXT        NOT NULL DEFAULT '',
    carriers       TEXT        NOT NULL DEFAULT '',
    starts_at      TIMESTAMPTZ,
    ends_at        TIMESTAMPTZ,
    customer_note  TEXT,
    resolved_at    TIMESTAMPTZ
);
