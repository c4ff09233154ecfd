-- Join on a skewed foreign key, grouped by the dimension.
SELECT a.country, count(*)
FROM events e JOIN accounts a ON a.account_id = e.account_id
WHERE e.kind = 'purchase'
GROUP BY a.country;
