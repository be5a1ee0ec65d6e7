-- notification-service: seller subscriptions, the feed of notifications, and the delivery log.

CREATE TABLE notification_subscription (
    subscription_id TEXT        PRIMARY KEY,
    seller_id       TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    event_types     TEXT[]      NOT NULL,
    description     TEXT,
    -- The HMAC key of the endpoint. Needed in clear to sign; shown to the seller once, at creation.
    secret          TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'DELETED')),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ
);
CREATE INDEX notification_subscription_seller ON notification_subscription (seller_id, created_at DESC, subscription_id DESC)
    WHERE status = 'ACTIVE';
CREATE INDEX notification_subscription_types ON notification_subscription USING GIN (event_types) WHERE status = 'ACTIVE';

-- Every event a seller may hear about, in one total order (position) that the live stream resumes from.
-- seller_id NULL: platform-wide (incidents), for every seller.
CREATE TABLE notification (
    position     BIGSERIAL   PRIMARY KEY,
    event_id     TEXT        NOT NULL UNIQUE,
    seller_id    TEXT,
    event_type   TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    body         TEXT        NOT NULL
);
CREATE INDEX notification_seller_position ON notification (seller_id, position);
CREATE INDEX notification_received_at ON notification (received_at);

-- One row per (subscription, notification): what has to reach that endpoint, and how it went.
CREATE TABLE notification_delivery (
    delivery_id      TEXT        PRIMARY KEY,
    subscription_id  TEXT        NOT NULL REFERENCES notification_subscription (subscription_id),
    position         BIGINT      NOT NULL REFERENCES notification (position),
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    lease_until      TIMESTAMPTZ,
    give_up_at       TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    last_error       TEXT,
    last_response    TEXT,
    replays          INT         NOT NULL DEFAULT 0,
    UNIQUE (subscription_id, position)
);
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_delivery_leased ON notification_delivery (lease_until) WHERE status = 'IN_FLIGHT';
CREATE INDEX notification_delivery_by_subscription ON notification_delivery (subscription_id, created_at DESC, delivery_id DESC);
CREATE INDEX notification_delivery_position ON notification_delivery (position);

-- Every attempt, with its outcome: the seller's view of what their endpoint answered.
CREATE TABLE notification_delivery_attempt (
    delivery_id  TEXT        NOT NULL REFERENCES notification_delivery (delivery_id),
    attempt      INT         NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ NOT NULL,
    status_code  INT,
    error        TEXT,
    response     TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
