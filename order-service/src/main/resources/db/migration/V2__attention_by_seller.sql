-- Review #12 L11: the attention filter found one seller's flagged orders by reading the flag's rows of every seller.
-- Each flag row now carries its order's seller, indexed with the flag.
ALTER TABLE order_attention ADD COLUMN seller_id TEXT;
UPDATE order_attention a SET seller_id = o.seller_id FROM orders o WHERE o.order_id = a.order_id;

-- Flags are written through the order's element collection (order_id, flag, raised_at): the seller, which never
-- changes for an order, is copied from it as the row is inserted.
CREATE FUNCTION order_attention_seller() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.seller_id INTO NEW.seller_id FROM orders o WHERE o.order_id = NEW.order_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER order_attention_seller BEFORE INSERT ON order_attention
    FOR EACH ROW EXECUTE FUNCTION order_attention_seller();

ALTER TABLE order_attention ALTER COLUMN seller_id SET NOT NULL;
CREATE INDEX order_attention_seller_flag ON order_attention (seller_id, flag, order_id);
