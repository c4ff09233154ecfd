-- LIKE with a prefix on a unique text column.
SELECT account_id, email FROM accounts WHERE email LIKE 'mary.%';
