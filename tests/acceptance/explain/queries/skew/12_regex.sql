-- A regular expression anchored at the start.
SELECT count(*) FROM events WHERE url ~ '^/api/v[12]/';
