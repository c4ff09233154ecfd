-- Part, partsupp and supplier with selective filters on both ends.
SELECT p_name, s_name, ps_supplycost
FROM part JOIN partsupp ON ps_partkey = p_partkey JOIN supplier ON s_suppkey = ps_suppkey
WHERE p_size = 1 AND s_acctbal > 9000;
