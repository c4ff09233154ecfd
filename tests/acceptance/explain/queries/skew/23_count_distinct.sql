-- count(DISTINCT) of a column with about 28000 distinct values.
SELECT count(DISTINCT session_id) FROM events;
