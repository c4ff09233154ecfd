-- GROUP BY a Zipf key, top 10.
SELECT account_id, count(*) AS events FROM events GROUP BY account_id ORDER BY events DESC LIMIT 10;
