-- ORDER BY the primary key descending with LIMIT: a backward index scan.
SELECT * FROM orders ORDER BY o_orderkey DESC LIMIT 5;
