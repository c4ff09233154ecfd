-- count(DISTINCT) over a filtered scan.
SELECT count(DISTINCT l_partkey) FROM lineitem WHERE l_shipdate >= date '1997-01-01';
