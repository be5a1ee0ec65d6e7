-- The relay instance that published last (OutboxRelay). A relay that finds another instance named here starts a new
-- Kafka producer under the service's transactional id before it publishes, which fences the previous publisher's
-- producer: whatever that one still had in flight can never become visible.
CREATE TABLE kx_outbox_publisher (
    id       SMALLINT    PRIMARY KEY CHECK (id = 1),
    instance TEXT,
    since    TIMESTAMPTZ
);
INSERT INTO kx_outbox_publisher (id) VALUES (1);
