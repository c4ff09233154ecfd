-- DISTINCT on a five-valued column.
SELECT DISTINCT o_orderpriority FROM orders;
