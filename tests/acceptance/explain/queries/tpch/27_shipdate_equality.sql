-- One ship date: about 130 rows scattered over lineitem (bitmap scan territory).
SELECT * FROM lineitem WHERE l_shipdate = date '1996-03-13';
