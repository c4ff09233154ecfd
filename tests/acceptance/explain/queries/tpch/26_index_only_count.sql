-- Counting a date range: an index-only scan candidate (the table is all-visible).
SELECT count(*) FROM orders WHERE o_orderdate >= date '1998-01-01';
