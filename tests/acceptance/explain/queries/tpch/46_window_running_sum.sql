-- A running total over the first month of orders.
SELECT o_orderkey, o_orderdate, sum(o_totalprice) OVER (ORDER BY o_orderdate, o_orderkey) AS running
FROM orders
WHERE o_orderdate < date '1992-02-01';
