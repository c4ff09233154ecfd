-- LIKE prefix on a code column with a skewed two-letter prefix.
SELECT account_id, code FROM accounts WHERE code LIKE 'ZZ-12%';
