-- The quick start's query: German customers' revenue in 2024, biggest spenders first.
-- `scripts/dbopt explain --why --catalog samples/shop/shop.db -f samples/shop/report.sql`
-- shows the plan PostgreSQL 15 would choose and the alternatives it weighed.
SELECT c.customer_id, c.name, count(*) AS orders, sum(o.total) AS revenue
FROM customers c
JOIN orders o ON o.customer_id = c.customer_id
WHERE c.country = 'DE' AND o.order_date >= date '2024-01-01'
GROUP BY c.customer_id, c.name
ORDER BY revenue DESC
LIMIT 10;
