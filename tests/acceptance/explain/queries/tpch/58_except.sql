-- EXCEPT of customers of a nation and recent buyers.
SELECT c_custkey FROM customer WHERE c_nationkey = 1
EXCEPT
SELECT o_custkey FROM orders WHERE o_orderdate > date '1998-01-01';
