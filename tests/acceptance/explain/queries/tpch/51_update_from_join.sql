-- UPDATE ... FROM with a join (EXPLAIN only).
UPDATE partsupp SET ps_supplycost = ps_supplycost * 1.1
FROM supplier
WHERE ps_suppkey = s_suppkey AND s_nationkey = 5;
