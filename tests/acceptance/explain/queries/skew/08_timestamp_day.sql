-- One day of events by an indexed timestamp.
SELECT * FROM events
WHERE created_at >= timestamptz '2024-03-01 00:00+00' AND created_at < timestamptz '2024-03-02 00:00+00';
