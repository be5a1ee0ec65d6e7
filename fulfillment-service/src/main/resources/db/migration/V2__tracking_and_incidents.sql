-- Orders as order-service announced them (kx.orders.v1): enough to judge center and carrier events.
CREATE TABLE order_projection (
    order_id              TEXT        PRIMARY KEY,
    seller_id             TEXT        NOT NULL,
    order_type            TEXT        NOT NULL,
    fulfillment_center_id TEXT,
    country               TEXT,
    region                TEXT,
    placed_at             TIMESTAMPTZ NOT NULL,
    recorded_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One shipment per order: its normalized state. Writers lock the row (events of one order are applied one
-- batch at a time) and bump the version.
CREATE TABLE shipment (
    order_id           TEXT        PRIMARY KEY REFERENCES order_projection (order_id),
    carrier            TEXT,
    tracking_number    TEXT,
    status             TEXT        NOT NULL,
    condition_marks    TEXT        NOT NULL,
    newest_occurred_at TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL
);
CREATE INDEX shipment_tracking_number ON shipment (tracking_number) WHERE tracking_number IS NOT NULL;

-- The tracking history: every accepted event, late ones included; (source, source_id, event_id) deduplicates.
CREATE TABLE tracking_event (
    id              BIGSERIAL   PRIMARY KEY,
    order_id        TEXT        NOT NULL REFERENCES shipment (order_id),
    source          TEXT        NOT NULL,
    source_id       TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    late            BOOLEAN     NOT NULL,
    reported        BOOLEAN     NOT NULL,
    carrier         TEXT,
    tracking_number TEXT,
    location        TEXT,
    proof           TEXT,
    details         TEXT,
    CONSTRAINT tracking_event_once UNIQUE (source, source_id, event_id)
);
CREATE INDEX tracking_event_timeline ON tracking_event (order_id, occurred_at);

-- Refused events, kept for audit and never applied.
CREATE TABLE rejected_event (
    id              BIGSERIAL   PRIMARY KEY,
    source          TEXT        NOT NULL,
    source_id       TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    order_id        TEXT,
    tracking_number TEXT,
    event_type      TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    reason_code     TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    event           TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX rejected_event_source ON rejected_event (source, source_id, event_id);

-- Webhook signatures seen within the replay window: the same signed request is accepted once.
CREATE TABLE webhook_signature (
    signature TEXT        PRIMARY KEY,
    seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_signature_seen_at ON webhook_signature (seen_at);

-- Platform-wide delivery slowdowns declared by operations.
CREATE TABLE incident (
    incident_id   TEXT        PRIMARY KEY,
    regions       TEXT        NOT NULL,
    carriers      TEXT        NOT NULL,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ,
    customer_note TEXT        NOT NULL,
    declared_by   TEXT        NOT NULL,
    declared_at   TIMESTAMPTZ NOT NULL,
    resolved_by   TEXT,
    resolved_at   TIMESTAMPTZ,
    version       BIGINT      NOT NULL
);
CREATE INDEX incident_unresolved ON incident (declared_at) WHERE resolved_at IS NULL;
