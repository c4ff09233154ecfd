-- IN (subquery) driven by a primary-key prefix.
SELECT * FROM part WHERE p_partkey IN (SELECT l_partkey FROM lineitem WHERE l_orderkey = 100);
