-- A CTE forced to be materialized, then filtered.
WITH big AS MATERIALIZED (
  SELECT o_custkey, sum(o_totalprice) AS total FROM orders GROUP BY o_custkey)
SELECT * FROM big WHERE total > 2000000;
