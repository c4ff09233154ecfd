-- Equality with a rare value that is still in the MCV list.
SELECT account_id, email FROM accounts WHERE country = 'SG';
