-- ILIKE with a prefix on a Zipf name column.
SELECT account_id, last_name FROM accounts WHERE last_name ILIKE 'sch%';
