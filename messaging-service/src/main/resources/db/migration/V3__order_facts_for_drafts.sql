-- What a reply draft tells the customer, kept from events messaging already consumes on kx.orders.v1:
-- order.placed (shipping_method), order.tracking-added (tracking_number), order.status-changed and
-- order.attention-raised/-cleared (the latest tracking update and the conditions raised on the order).
-- latest_update is what happened last (a status such as SHIPPED, TRACKING_ADDED, or an attention flag such as
-- CUSTOMS_HOLD or CUSTOMS_HOLD_CLEARED); attention_flags lists the raised flags, comma-separated.
ALTER TABLE order_projection
    ADD COLUMN shipping_method  TEXT,
    ADD COLUMN tracking_number  TEXT,
    ADD COLUMN latest_update    TEXT,
    ADD COLUMN latest_update_at TIMESTAMPTZ,
    ADD COLUMN attention_flags  TEXT NOT NULL DEFAULT '';
