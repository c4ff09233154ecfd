-- DISTINCT over two correlated low-cardinality columns (group-count estimate).
SELECT DISTINCT country, plan FROM accounts;
