-- A status history entry's id is now drawn in blocks of 50 by each instance (StatusHistoryEntry): a consumer that
-- applies a poll of reports in one transaction then inserts their entries in JDBC batches, where an identity column
-- made each insert its own round trip. The sequence hands out one block per call.
ALTER SEQUENCE order_status_history_id_seq INCREMENT BY 50;

-- Blocks drawn by two instances do not follow the order of the changes, so the history is read in the order of the
-- events that announced them: their per-order sequence number (kx_event_sequence, taken under a row lock). Entries
-- written before this version have none; they come first, in id order (the order they were written in).
ALTER TABLE order_status_history ADD COLUMN event_seq BIGINT;

-- While a rolling upgrade runs, instances of the previous version still write entries without it. They append the
-- announcing event first, in the same transaction, so the order's last sequence number is that event's.
CREATE FUNCTION order_status_history_event_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.event_seq IS NULL THEN
        NEW.event_seq := (SELECT last_seq FROM kx_event_sequence WHERE subject = NEW.order_id);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER order_status_history_event_seq BEFORE INSERT ON order_status_history
    FOR EACH ROW EXECUTE FUNCTION order_status_history_event_seq();
