-- Top-N by an unindexed column.
SELECT * FROM customer ORDER BY c_acctbal DESC LIMIT 10;
