-- UPDATE by a range on a nullable timestamp (EXPLAIN only, never executed).
UPDATE accounts SET status = 'closed' WHERE last_login_at < timestamptz '2024-02-01 00:00+00';
