-- Accounts that never bought anything.
SELECT count(*) FROM accounts a
WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE p.account_id = a.account_id);
