-- Equality on lower(email): the expression index.
SELECT account_id FROM accounts WHERE lower(email) = 'mary.smith42@gmail.com';
