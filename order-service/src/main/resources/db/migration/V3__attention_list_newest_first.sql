-- #13: the attention list read every order of the seller carrying the flag, then sorted them, to show one page
-- (1,000 orders of a 100,000-order seller for one page of 50). Each flag row now carries its order's created_at,
-- which never changes, so one index gives the seller's flagged orders newest first and the list stops at the page.
ALTER TABLE order_attention ADD COLUMN order_created_at TIMESTAMPTZ;
UPDATE order_attention a SET order_created_at = o.created_at FROM orders o WHERE o.order_id = a.order_id;
ALTER TABLE order_attention ALTER COLUMN order_created_at SET NOT NULL;

-- Flags are written through the order's element collection (order_id, flag, raised_at): the seller and the order's
-- creation time are copied from the order as the row is inserted.
CREATE OR REPLACE FUNCTION order_attention_seller() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.seller_id, o.created_at INTO NEW.seller_id, NEW.order_created_at FROM orders o WHERE o.order_id = NEW.order_id;
    RETURN NEW;
END
$$;

-- Its prefix (seller_id, flag) serves everything the index it replaces did.
CREATE INDEX order_attention_seller_flag_created ON order_attention (seller_id, flag, order_created_at DESC, order_id DESC);
DROP INDEX order_attention_seller_flag;
ANALYZE order_attention;
