-- An OR of two indexed columns (BitmapOr).
SELECT * FROM orders WHERE o_custkey = 100 OR o_orderdate = date '1996-01-02';
