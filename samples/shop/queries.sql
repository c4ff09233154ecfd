-- Example workload over samples/shop/schema.sql: what a shop's backend and its analysts run.
-- Every statement runs on PostgreSQL 15 (schema.sql + data-pg.sql) and on SQLite (shop.db), so
-- plans and results can be compared. Parameters appear as literals, as in a query log. The
-- UPDATE/DELETE/INSERT statements change data: run them in a transaction that rolls back.

-- 1. A customer's profile by primary key.
SELECT customer_id, name, email, country FROM customers WHERE customer_id = 42;

-- 2. Login lookup, case-insensitive: matches the expression index customers_lower_email_idx.
SELECT customer_id, name FROM customers WHERE lower(email) = 'emma.garcia1@mail10.example.org';

-- 3. A customer's recent orders, newest first (orders_customer_id_idx; customer 1 is the busiest).
SELECT order_id, order_date, status, total
FROM orders
WHERE customer_id = 1
ORDER BY order_date DESC
LIMIT 10;

-- 4. An order with its lines and product names.
SELECT o.order_id, o.order_date, i.line_no, p.name, i.quantity, i.unit_price
FROM orders o
JOIN order_items i ON i.order_id = o.order_id
JOIN products p ON p.product_id = i.product_id
WHERE o.order_id = 1000
ORDER BY i.line_no;

-- 5. The pending queue: the partial index orders_pending_idx covers exactly this predicate.
SELECT order_id, customer_id, order_date FROM orders WHERE status = 'pending' ORDER BY order_date;

-- 6. Filter on the dominant status value: most of the table qualifies.
SELECT count(*) FROM orders WHERE status = 'delivered';

-- 7. A skewed column, common value vs. rare value.
SELECT count(*) FROM customers WHERE country = 'US';
SELECT count(*) FROM customers WHERE country = 'NZ';

-- 8. Customers without a phone number (NULLs).
SELECT customer_id, email FROM customers WHERE phone IS NULL AND is_active ORDER BY customer_id LIMIT 50;

-- 9. LIKE with a prefix, and with a leading wildcard.
SELECT product_id, name FROM products WHERE sku LIKE 'SKU-001%';
SELECT customer_id, email FROM customers WHERE email LIKE '%@example.com';

-- 10. IN list on the primary key.
SELECT product_id, name, price FROM products WHERE product_id IN (1, 2, 3, 5, 8, 13, 21, 34);

-- 11. Category browsing: products_category_price_idx (category, price DESC) gives the order.
SELECT product_id, name, price FROM products WHERE category = 'books' ORDER BY price DESC LIMIT 20;

-- 12. A date range.
SELECT order_id, customer_id, total
FROM orders
WHERE order_date BETWEEN '2024-06-01' AND '2024-06-30'
ORDER BY order_date;

-- 13. Revenue per month.
SELECT substr(CAST(order_date AS text), 1, 7) AS month, count(*) AS orders, sum(total) AS revenue
FROM orders
WHERE status <> 'cancelled'
GROUP BY 1
ORDER BY 1;

-- 14. Top 10 products by units sold.
SELECT p.product_id, p.name, sum(i.quantity) AS units
FROM order_items i
JOIN products p ON p.product_id = i.product_id
GROUP BY p.product_id, p.name
ORDER BY units DESC
LIMIT 10;

-- 15. Revenue per category and country (a four-way join with aggregation).
SELECT p.category, c.country, sum(i.quantity * i.unit_price) AS revenue
FROM order_items i
JOIN orders o ON o.order_id = i.order_id
JOIN customers c ON c.customer_id = o.customer_id
JOIN products p ON p.product_id = i.product_id
WHERE o.order_date >= '2024-01-01'
GROUP BY p.category, c.country
HAVING sum(i.quantity * i.unit_price) > 1000
ORDER BY revenue DESC;

-- 16. Customers who ordered but never reviewed (NOT EXISTS: an anti-join).
SELECT c.customer_id, c.name
FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)
  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.customer_id = c.customer_id)
ORDER BY c.customer_id
LIMIT 100;

-- 17. Products never ordered (LEFT JOIN ... IS NULL).
SELECT p.product_id, p.name
FROM products p
LEFT JOIN order_items i ON i.product_id = p.product_id
WHERE i.order_id IS NULL;

-- 18. Average rating per product, for products with enough reviews.
SELECT product_id, count(*) AS reviews, avg(rating) AS average
FROM reviews
GROUP BY product_id
HAVING count(*) >= 20
ORDER BY average DESC, product_id;

-- 19. Reviews of one product, best first: reviews_product_id_rating_idx.
SELECT review_id, rating, body FROM reviews WHERE product_id = 7 ORDER BY rating DESC LIMIT 5;

-- 20. Each customer's three largest orders (a window function).
SELECT customer_id, order_id, total
FROM (
  SELECT customer_id, order_id, total,
         row_number() OVER (PARTITION BY customer_id ORDER BY total DESC, order_id) AS rank
  FROM orders
) ranked
WHERE rank <= 3 AND customer_id <= 10
ORDER BY customer_id, rank;

-- 21. Running revenue per day in December 2024 (window over an aggregate).
SELECT order_date, sum(total) AS revenue, sum(sum(total)) OVER (ORDER BY order_date) AS running
FROM orders
WHERE order_date >= '2024-12-01'
GROUP BY order_date
ORDER BY order_date;

-- 22. Open orders per destination country, through the view.
SELECT country, count(*) AS open_orders, sum(total) AS value
FROM open_orders
GROUP BY country
ORDER BY open_orders DESC, country;

-- 23. Share of customers per country (a scalar subquery).
SELECT country, count(*) AS customers,
       round(100.0 * count(*) / (SELECT count(*) FROM customers), 1) AS percent
FROM customers
GROUP BY country
ORDER BY customers DESC;

-- 24. Orders above the customer's own average (a correlated subquery).
SELECT o.order_id, o.customer_id, o.total
FROM orders o
WHERE o.customer_id = 3
  AND o.total > (SELECT avg(o2.total) FROM orders o2 WHERE o2.customer_id = o.customer_id);

-- 25. A CTE: the last 30 days' top customers with their country.
WITH recent AS (
  SELECT customer_id, sum(total) AS spent
  FROM orders
  WHERE order_date > '2024-11-30'
  GROUP BY customer_id
)
SELECT c.customer_id, c.name, c.country, r.spent
FROM recent r
JOIN customers c ON c.customer_id = r.customer_id
ORDER BY r.spent DESC
LIMIT 10;

-- 26. Ship a pending order.
UPDATE orders SET status = 'shipped' WHERE order_id = 17950 AND status = 'pending';

-- 27. Restock every product of a category.
UPDATE products SET stock = stock + 50 WHERE category = 'garden' AND stock < 10;

-- 28. Remove an order's lines, then drop cancelled orders older than a year without lines.
DELETE FROM order_items WHERE order_id = 5;
DELETE FROM orders
WHERE status = 'cancelled' AND order_date < '2024-01-01'
  AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = orders.order_id);

-- 29. Upsert a product by SKU (the UNIQUE constraint products_sku_key is the conflict target).
INSERT INTO products (product_id, sku, name, category, price, stock)
VALUES (1001, 'SKU-01001', 'Eco garden item 1001', 'garden', 12.50, 40)
ON CONFLICT (sku) DO UPDATE SET price = excluded.price, stock = products.stock + excluded.stock;

-- 30. Record a review.
INSERT INTO reviews (review_id, product_id, customer_id, rating, body, created_at)
VALUES (8001, 7, 42, 5, 'Great value.', '2024-12-30 10:00:00');
