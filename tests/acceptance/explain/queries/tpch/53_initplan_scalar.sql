-- An uncorrelated scalar subquery (InitPlan) in WHERE.
SELECT o_orderkey, o_totalprice FROM orders
WHERE o_totalprice > (SELECT 2.5 * avg(o_totalprice) FROM orders)
ORDER BY o_totalprice DESC
LIMIT 10;
