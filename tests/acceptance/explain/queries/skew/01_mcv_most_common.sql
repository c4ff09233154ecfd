-- Equality with the most common value of a Zipf column (MCV frequency).
SELECT account_id, email FROM accounts WHERE country = 'US';
