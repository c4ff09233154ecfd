-- A customer and its orders.
SELECT c_name, o_orderkey, o_totalprice
FROM customer JOIN orders ON o_custkey = c_custkey
WHERE c_custkey = 42;
