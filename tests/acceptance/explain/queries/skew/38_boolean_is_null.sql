-- IS NULL on a boolean that is 1% NULL.
SELECT count(*) FROM purchases WHERE refunded IS NULL;
