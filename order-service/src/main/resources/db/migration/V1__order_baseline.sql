-- order-service schema starts here; its feature migrations follow.
CREATE TABLE order_schema_info (created_at TIMESTAMPTZ NOT NULL DEFAULT now());
