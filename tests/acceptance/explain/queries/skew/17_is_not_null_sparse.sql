-- IS NOT NULL on a column that is 95% NULL.
SELECT account_id, notes FROM accounts WHERE notes IS NOT NULL;
