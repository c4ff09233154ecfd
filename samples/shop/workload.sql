-- A week of the sample shop's traffic as a workload for `dbopt recommend-index`
-- (docs/recommend-index.md). Each statement's "-- dbopt: calls=N" says how often it ran; $n are
-- parameters, planned with PostgreSQL's generic estimates.

-- dbopt: calls=52000
SELECT customer_id, name, email, country FROM customers WHERE customer_id = $1;

-- dbopt: calls=9000
SELECT order_id, order_date, status, total FROM orders WHERE customer_id = $1
ORDER BY order_date DESC LIMIT 10;

-- dbopt: calls=4000
SELECT r.review_id, r.rating, r.created_at FROM reviews r WHERE r.customer_id = $1
ORDER BY r.created_at DESC;

-- dbopt: calls=2500
SELECT product_id, avg(rating) AS rating, count(*) FROM reviews WHERE product_id = $1
GROUP BY product_id;

-- dbopt: calls=1200
SELECT c.customer_id, c.name, count(*) AS orders
FROM customers c JOIN orders o ON o.customer_id = c.customer_id
WHERE c.created_at >= $1 AND c.created_at < $2
GROUP BY c.customer_id, c.name;

-- dbopt: calls=800
SELECT o.order_id, o.total FROM orders o
WHERE o.status = 'shipped' AND o.order_date < $1
ORDER BY o.order_date;

-- dbopt: calls=300
SELECT p.product_id, p.name, sum(i.quantity) AS sold
FROM order_items i JOIN products p ON p.product_id = i.product_id
WHERE p.category = $1
GROUP BY p.product_id, p.name
ORDER BY sold DESC LIMIT 10;

-- dbopt: calls=6000
UPDATE orders SET status = $1 WHERE order_id = $2;

-- dbopt: calls=3000
INSERT INTO orders (order_id, customer_id, status, order_date, total) VALUES ($1, $2, $3, $4, $5);

-- dbopt: calls=50
DELETE FROM reviews WHERE created_at < $1;
