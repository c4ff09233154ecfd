-- A window function partitioned by nation.
SELECT c_custkey, c_nationkey, c_acctbal,
       rank() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC) AS balance_rank
FROM customer;
