-- Reporting queries (run by the nightly job).

-- dbopt-ignore-file select-star: reports export whole rows on purpose

-- name: daily_revenue
SELECT order_date, sum(total) AS revenue
  FROM orders
 WHERE status <> 'cancelled'
 GROUP BY order_date
 ORDER BY order_date;

-- name: top_products
SELECT p.product_id, p.name, sum(i.quantity) AS sold
  FROM order_items i
  JOIN products p ON p.product_id = i.product_id
 GROUP BY p.product_id, p.name
 ORDER BY sold DESC
 LIMIT 10;

-- name: all_activity
SELECT customer_id, created_at FROM reviews
UNION
SELECT customer_id, order_date FROM orders;

-- name: export_orders
SELECT * FROM orders WHERE order_date >= date_trunc('month', current_date);

-- name: review_scores
SELECT product_id, avg(rating) FROM reviews WHERE rating IN (1, 2, 6) GROUP BY product_id;

-- name: stale_reviews
SELECT r.review_id FROM reviews r WHERE r.created_at::date < '2023-01-01' AND r.body IS NOT NULL;

-- name: unknown_table
SELECT sku FROM product WHERE sku = 'X-1';
