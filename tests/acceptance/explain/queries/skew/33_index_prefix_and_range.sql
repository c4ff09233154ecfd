-- One account's events since a date: equality prefix and range on a two-column index.
SELECT event_id, kind, created_at FROM events
WHERE account_id = 42 AND created_at > timestamptz '2024-06-01 00:00+00'
ORDER BY created_at;
