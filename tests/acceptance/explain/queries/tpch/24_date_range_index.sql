-- A one-week range on an indexed date column.
SELECT o_orderkey, o_totalprice FROM orders
WHERE o_orderdate BETWEEN date '1995-03-01' AND date '1995-03-07';
