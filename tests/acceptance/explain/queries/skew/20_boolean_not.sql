-- NOT on a nullable boolean (false only).
SELECT account_id FROM accounts WHERE NOT is_verified;
