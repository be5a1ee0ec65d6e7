-- order-service schema: orders, their lines, attention flags, delivery evidence, the append-only status
-- history, and the platform incidents this service learns from events.

-- Trigram indexes keep the seller's free-text search (`q`) index-backed. pg_trgm is a trusted extension
-- (PostgreSQL 13+), so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE orders (
    order_id              TEXT        PRIMARY KEY,
    seller_id             TEXT        NOT NULL,
    customer_id           TEXT        NOT NULL,
    customer_name         TEXT        NOT NULL,
    order_type            TEXT        NOT NULL CHECK (order_type IN ('KINGSTON_DISPATCHED', 'SELLER_MANAGED')),
    status                TEXT        NOT NULL CHECK (status IN ('NEW', 'PROCESSING', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED')),
    fulfillment_center_id TEXT,
    shipping_method       TEXT        NOT NULL,
    notes                 TEXT,
    addr_name             TEXT        NOT NULL,
    addr_line1            TEXT        NOT NULL,
    addr_line2            TEXT,
    addr_city             TEXT        NOT NULL,
    addr_region           TEXT,
    addr_postal_code      TEXT,
    addr_country          TEXT        NOT NULL,
    addr_phone            TEXT,
    tracking_carrier      TEXT,
    tracking_number       TEXT,
    address_confirmed_at  TIMESTAMPTZ,
    search_text           TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    status_changed_at     TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL,
    -- Only Kingston-dispatched orders are assigned to a fulfillment center.
    CHECK ((order_type = 'KINGSTON_DISPATCHED') = (fulfillment_center_id IS NOT NULL))
);
-- The seller's order list: newest first, keyset pagination on (created_at, order_id).
CREATE INDEX orders_seller_created ON orders (seller_id, created_at DESC, order_id DESC);
CREATE INDEX orders_seller_status_created ON orders (seller_id, status, created_at DESC, order_id DESC);
CREATE INDEX orders_seller_type_created ON orders (seller_id, order_type, created_at DESC, order_id DESC);
CREATE INDEX orders_search_trgm ON orders USING gin (search_text gin_trgm_ops);
-- The stale-status job looks only at orders still on their way.
CREATE INDEX orders_open_status_changed ON orders (status_changed_at) WHERE status NOT IN ('DELIVERED', 'CANCELLED');

CREATE TABLE order_line (
    order_id    TEXT          NOT NULL REFERENCES orders (order_id),
    line_no     INT           NOT NULL,
    sku         TEXT          NOT NULL,
    title       TEXT          NOT NULL,
    quantity    INT           NOT NULL CHECK (quantity > 0),
    unit_amount NUMERIC(14,2) NOT NULL CHECK (unit_amount >= 0),
    currency    TEXT          NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_attention (
    order_id  TEXT        NOT NULL REFERENCES orders (order_id),
    flag      TEXT        NOT NULL,
    raised_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, flag)
);
CREATE INDEX order_attention_flag ON order_attention (flag, order_id);

CREATE TABLE order_delivery_evidence (
    order_id    TEXT        NOT NULL REFERENCES orders (order_id),
    position    INT         NOT NULL,
    kind        TEXT        NOT NULL,
    reference   TEXT,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, position)
);

CREATE TABLE order_status_history (
    id               BIGSERIAL   PRIMARY KEY,
    order_id         TEXT        NOT NULL REFERENCES orders (order_id),
    from_status      TEXT,
    to_status        TEXT        NOT NULL,
    actor_kind       TEXT        NOT NULL,
    actor_id         TEXT,
    reason           TEXT,
    source_event_id  TEXT,
    event_id         TEXT,
    changed_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_status_history_order ON order_status_history (order_id, id);

-- "The history is append-only": the database itself refuses to rewrite it.
CREATE FUNCTION order_status_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'order_status_history is append-only';
END;
$$;
CREATE TRIGGER order_status_history_no_rewrite BEFORE UPDATE OR DELETE ON order_status_history
    FOR EACH ROW EXECUTE FUNCTION order_status_history_append_only();

CREATE TABLE platform_incident (
    incident_id   TEXT        PRIMARY KEY,
    regions       TEXT[]      NOT NULL,
    carriers      TEXT[]      NOT NULL,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ,
    resolved_at   TIMESTAMPTZ,
    customer_note TEXT
);
