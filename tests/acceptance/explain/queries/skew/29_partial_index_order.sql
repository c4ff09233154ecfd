-- Recent server errors: the partial index events_errors_idx gives the order.
SELECT event_id, url, created_at FROM events
WHERE status_code >= 500 AND created_at >= timestamptz '2024-06-01 00:00+00'
ORDER BY created_at
LIMIT 20;
