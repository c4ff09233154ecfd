-- OFFSET and LIMIT on the primary-key order.
SELECT * FROM lineitem ORDER BY l_orderkey, l_linenumber OFFSET 1000 LIMIT 10;
