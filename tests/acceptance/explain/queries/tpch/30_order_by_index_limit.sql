-- ORDER BY an indexed column with LIMIT: the index gives the order.
SELECT o_orderkey, o_orderdate FROM orders ORDER BY o_orderdate LIMIT 20;
