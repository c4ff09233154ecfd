-- Parts of one size with their number of line items (LEFT JOIN keeps parts never sold).
SELECT p_partkey, count(l_orderkey)
FROM part LEFT JOIN lineitem ON l_partkey = p_partkey
WHERE p_size = 7
GROUP BY p_partkey;
