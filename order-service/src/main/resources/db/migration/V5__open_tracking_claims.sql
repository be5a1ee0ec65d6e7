-- #13: a seller adding tracking is checked against every open order's tracking (OrderQueries.OPEN_TRACKING_CLAIM_SQL),
-- and no index served that check: a parallel sequential scan of orders, 600 ms per "add tracking" among 1,100,000
-- orders on the 2-core benchmark machine. Only open orders with tracking can hold a claim, so only they are indexed.
--
-- Building it blocks writes to orders while it runs. On a large production table, build it first by hand, without
-- blocking writes (CREATE INDEX CONCURRENTLY with the same definition); IF NOT EXISTS then skips it here.
CREATE INDEX IF NOT EXISTS orders_open_tracking ON orders (tracking_number)
    WHERE tracking_number IS NOT NULL AND status NOT IN ('DELIVERED', 'CANCELLED');
