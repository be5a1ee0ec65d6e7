-- #12: a retried webhook delivery (the same bytes, the same signature, within the window) gets the answer the
-- first delivery got instead of a 401. Written in the ingest's transaction, so a concurrent retry, waiting on
-- the signature's primary key, always finds them. Rows written before this migration have none and stay refused.
ALTER TABLE webhook_signature ADD COLUMN body_sha256    TEXT;
ALTER TABLE webhook_signature ADD COLUMN receipt_status INTEGER;
ALTER TABLE webhook_signature ADD COLUMN receipt_body   TEXT;
