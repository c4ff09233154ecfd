-- Enterprise accounts without purchases (LEFT JOIN ... IS NULL: an anti join).
SELECT a.account_id
FROM accounts a LEFT JOIN purchases p ON p.account_id = a.account_id
WHERE p.purchase_id IS NULL AND a.plan = 'enterprise';
