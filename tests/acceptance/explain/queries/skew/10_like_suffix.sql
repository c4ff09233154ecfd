-- LIKE with a leading wildcard (no index use; pattern selectivity).
SELECT count(*) FROM accounts WHERE email LIKE '%@uni.edu';
