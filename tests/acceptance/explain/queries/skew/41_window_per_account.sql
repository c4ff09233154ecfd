-- row_number() per account over the hottest accounts' purchases.
SELECT account_id, purchased_at,
       row_number() OVER (PARTITION BY account_id ORDER BY purchased_at DESC) AS recency
FROM purchases
WHERE account_id <= 5;
