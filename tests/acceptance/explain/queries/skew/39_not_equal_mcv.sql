-- <> the dominant value.
SELECT count(*) FROM events WHERE status_code <> 200;
