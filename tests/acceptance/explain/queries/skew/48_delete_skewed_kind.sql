-- DELETE by a rare kind and a time range (EXPLAIN only).
DELETE FROM events WHERE kind = 'error' AND created_at < timestamptz '2024-02-01 00:00+00';
