-- UNION ALL of two indexed date lookups.
SELECT o_orderkey FROM orders WHERE o_orderdate = date '1995-05-05'
UNION ALL
SELECT l_orderkey FROM lineitem WHERE l_shipdate = date '1995-05-05';
