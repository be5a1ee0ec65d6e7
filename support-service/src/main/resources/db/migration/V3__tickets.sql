CREATE TABLE ticket (
    ticket_id         TEXT        PRIMARY KEY,
    order_id          TEXT        NOT NULL,
    seller_id         TEXT        NOT NULL,
    category          TEXT        NOT NULL CHECK (category IN ('INCORRECT_ORDER_STATUS', 'DISPATCHMENT_ISSUE', 'CUSTOMER_ESCALATION', 'OTHER')),
    priority          TEXT        NOT NULL CHECK (priority IN ('HIGH', 'NORMAL')),
    priority_rank     SMALLINT    NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_SELLER', 'RESOLVED', 'CLOSED')),
    description       TEXT        NOT NULL,
    opened_by_kind    TEXT        NOT NULL,
    opened_by         TEXT        NOT NULL,
    assignee          TEXT,
    resolution        TEXT,
    -- the order as this service knew it when the ticket was opened (null fields: not known yet)
    order_type        TEXT,
    order_status      TEXT,
    order_attention   TEXT        NOT NULL,
    timeline_snapshot TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    resolved_at       TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    version           BIGINT      NOT NULL DEFAULT 0
);
-- "At most one open ticket per order and category", held by the database even under concurrent creates.
CREATE UNIQUE INDEX ticket_one_open_per_order_and_category ON ticket (order_id, category)
    WHERE status NOT IN ('RESOLVED', 'CLOSED');
-- The agent queue: priority, then age.
CREATE INDEX ticket_queue ON ticket (priority_rank, created_at, ticket_id);
CREATE INDEX ticket_by_seller ON ticket (seller_id, priority_rank, created_at, ticket_id);
CREATE INDEX ticket_by_order ON ticket (order_id);

CREATE TABLE ticket_comment (
    comment_id  TEXT        PRIMARY KEY,
    ticket_id   TEXT        NOT NULL REFERENCES ticket (ticket_id),
    author_kind TEXT        NOT NULL,
    author_id   TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    -- what caused a system comment (e.g. the escalation message id), so a redelivery adds no second one
    source_key  TEXT        UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_comment_by_ticket ON ticket_comment (ticket_id, created_at);

-- Status corrections a support agent made through order-service while the ticket was open.
CREATE TABLE ticket_correction (
    ticket_id   TEXT        NOT NULL REFERENCES ticket (ticket_id),
    event_id    TEXT        NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor_id    TEXT,
    reason      TEXT,
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, event_id)
);
