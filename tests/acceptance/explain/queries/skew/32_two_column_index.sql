-- Both columns of a two-column index (correlated Zipf values).
SELECT account_id, email FROM accounts WHERE country = 'DE' AND plan = 'pro';
