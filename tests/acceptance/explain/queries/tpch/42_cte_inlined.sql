-- A CTE referenced once: inlined into the join.
WITH recent AS (SELECT * FROM orders WHERE o_orderdate >= date '1998-06-01')
SELECT count(*) FROM recent JOIN customer ON c_custkey = o_custkey
WHERE c_mktsegment = 'MACHINERY';
