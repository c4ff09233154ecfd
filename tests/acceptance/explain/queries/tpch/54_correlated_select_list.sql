-- A correlated subquery in the select list (SubPlan per row).
SELECT c_custkey, (SELECT max(o_orderdate) FROM orders WHERE o_custkey = c_custkey) AS last_order
FROM customer
WHERE c_nationkey = 7;
