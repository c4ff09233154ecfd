-- Suppliers with a nearly sold-out part: a semi join.
SELECT s_name FROM supplier
WHERE EXISTS (SELECT 1 FROM partsupp WHERE ps_suppkey = s_suppkey AND ps_availqty < 10);
