-- Parked events: an event that names a fact this service does not know yet (an order, a tracking number, a
-- conversation) is kept here, in the transaction that received it, instead of being rejected. The transaction
-- that registers the fact releases (deletes and applies) the rows awaiting it; rows still waiting at
-- expires_at turn EXPIRED and stay as a visible record.
CREATE TABLE kx_parked_event (
    consumer   TEXT        NOT NULL,
    event_id   TEXT        NOT NULL,
    awaiting   TEXT        NOT NULL,
    payload    TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    parked_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    state      TEXT        NOT NULL DEFAULT 'PARKED' CHECK (state IN ('PARKED', 'EXPIRED')),
    expired_at TIMESTAMPTZ,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX kx_parked_event_awaiting ON kx_parked_event (awaiting) WHERE state = 'PARKED';
CREATE INDEX kx_parked_event_expiry ON kx_parked_event (expires_at) WHERE state = 'PARKED';
