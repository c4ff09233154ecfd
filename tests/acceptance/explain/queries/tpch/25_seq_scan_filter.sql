-- A filter on an unindexed column that keeps 10% of lineitem.
SELECT count(*) FROM lineitem WHERE l_quantity > 45;
