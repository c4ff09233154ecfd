-- An IN list on the primary key.
SELECT p_partkey, p_name FROM part WHERE p_partkey IN (1, 2, 3, 5, 8, 13, 21, 34, 55, 89);
