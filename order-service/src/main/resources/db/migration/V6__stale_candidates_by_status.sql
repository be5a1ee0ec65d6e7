-- #13: the stale-status job (OrderQueries.STALE_CANDIDATES_SQL) looks, per status, for open orders changed before
-- a threshold that are not flagged yet. orders_open_status_changed held only status_changed_at, so each pass read
-- the heap of every open order older than the threshold, whatever its status, to filter on status and fetch its id:
-- 46,000 pages and 1.2 s per status among the benchmark seed's 200,000 stale open orders, 11 s or more on a cold cache
-- while the stack started. Indexing status, status_changed_at and order_id lets the pass read the index alone
-- (Index Only Scan), starting at its status and cursor. The old index served nothing else.
--
-- Building it blocks writes to orders while it runs. On a large production table, build it first by hand, without
-- blocking writes (CREATE INDEX CONCURRENTLY with the same definition); IF NOT EXISTS then skips it here.
CREATE INDEX IF NOT EXISTS orders_open_status_since ON orders (status, status_changed_at, order_id)
    WHERE status NOT IN ('DELIVERED', 'CANCELLED');
DROP INDEX IF EXISTS orders_open_status_changed;
