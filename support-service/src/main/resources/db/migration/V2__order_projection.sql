-- support-service's own projection of kx.orders.v1: enough to validate tickets without calling order-service.
-- Events arrive duplicated and out of order: every fact keeps the per-order CloudEvent sequence that set it,
-- and only a higher sequence replaces it.
CREATE TABLE order_projection (
    order_id        TEXT        PRIMARY KEY,
    seller_id       TEXT        NOT NULL,
    -- null only while the sole event seen is one that does not carry the type (order.cancelled)
    order_type      TEXT,
    status          TEXT,
    status_sequence BIGINT,
    -- false while only events that overtook order.placed have arrived (a partial row)
    placed          BOOLEAN     NOT NULL DEFAULT false,
    placed_at       TIMESTAMPTZ,
    shipping_method TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_projection_seller ON order_projection (seller_id);

CREATE TABLE order_attention (
    order_id TEXT    NOT NULL REFERENCES order_projection (order_id),
    flag     TEXT    NOT NULL,
    raised   BOOLEAN NOT NULL,
    advice   TEXT,
    sequence BIGINT  NOT NULL,
    PRIMARY KEY (order_id, flag)
);

-- The status timeline, one row per order.status-changed event (its id dedupes), read in sequence order.
CREATE TABLE order_status_change (
    event_id        TEXT        PRIMARY KEY,
    order_id        TEXT        NOT NULL REFERENCES order_projection (order_id),
    sequence        BIGINT      NOT NULL,
    from_status     TEXT,
    to_status       TEXT        NOT NULL,
    actor_kind      TEXT        NOT NULL,
    actor_id        TEXT,
    reason          TEXT,
    source_event_id TEXT,
    changed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_status_change_timeline ON order_status_change (order_id, sequence);
