-- An IN list of three rare MCVs.
SELECT count(*) FROM events WHERE kind IN ('purchase', 'signup', 'error');
