-- UPDATE through the order-date index (EXPLAIN only, never executed).
UPDATE orders SET o_orderpriority = '1-URGENT' WHERE o_orderdate = date '1995-01-01';
