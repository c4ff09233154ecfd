-- INSERT ... SELECT (EXPLAIN only).
INSERT INTO nation
SELECT n_nationkey + 100, n_name, n_regionkey, n_comment FROM nation WHERE n_regionkey = 2;
