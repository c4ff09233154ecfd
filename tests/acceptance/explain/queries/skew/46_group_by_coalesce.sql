-- GROUP BY an expression over a 60%-NULL column.
SELECT coalesce(referrer, 'direct') AS source, count(*) FROM events GROUP BY 1;
