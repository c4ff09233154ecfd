-- A heavy-tailed double column: a range in the histogram's tail.
SELECT account_id, score FROM accounts WHERE score > 50000;
