-- IS NULL on a column with about 35% NULLs.
SELECT count(*) FROM accounts WHERE phone IS NULL;
