-- DELETE of the first month of line items (EXPLAIN only).
DELETE FROM lineitem WHERE l_shipdate < date '1992-02-01';
