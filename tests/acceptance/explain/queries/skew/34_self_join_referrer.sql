-- A self join through a 80%-NULL foreign key.
SELECT a.email, r.email AS referrer_email
FROM accounts a JOIN accounts r ON r.account_id = a.referrer_id
WHERE a.country = 'FR';
