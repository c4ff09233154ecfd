-- The SQLite workload of the recommend-index acceptance test (tests/acceptance/recommend/sqlite.sh)
-- on samples/shop's schema at 10 times its rows (customers 50000, products 10000, orders 180000,
-- order_items about 450000, reviews 80000), with the secondary indexes removed (only the rowid
-- keys and the UNIQUE / PRIMARY KEY autoindexes remain). Literal constants, so every statement
-- can be executed; the DML runs inside BEGIN ... ROLLBACK when timed.

-- dbopt: calls=2000
SELECT order_id, order_date, total FROM orders WHERE customer_id = 4242
ORDER BY order_date DESC LIMIT 10;

-- dbopt: calls=1000
SELECT customer_id, name FROM customers WHERE email = 'mary.smith17@gmail.com';

-- dbopt: calls=800
SELECT rating, body FROM reviews WHERE product_id = 77 ORDER BY created_at DESC LIMIT 5;

-- dbopt: calls=500
SELECT order_id, total FROM orders WHERE status = 'pending' AND order_date >= '2024-12-20'
ORDER BY order_date;

-- dbopt: calls=400
SELECT sum(quantity) FROM order_items WHERE product_id = 123;

-- dbopt: calls=300
SELECT product_id, name, price FROM products WHERE category = 'garden' AND price < 20
ORDER BY price LIMIT 20;

-- dbopt: calls=200
SELECT c.name, count(*) FROM customers c JOIN orders o ON o.customer_id = c.customer_id
WHERE c.country = 'NZ' AND c.created_at >= '2038-01-01' GROUP BY c.name ORDER BY c.name;

-- dbopt: calls=100
SELECT p.name, sum(i.quantity * i.unit_price) AS revenue
FROM order_items i JOIN orders o ON o.order_id = i.order_id JOIN products p ON p.product_id = i.product_id
WHERE o.order_date = '2024-06-15' GROUP BY p.name ORDER BY revenue DESC LIMIT 10;

-- dbopt: calls=100
SELECT customer_id, count(*) FROM reviews WHERE rating = 1 AND created_at >= '2024-12-25'
GROUP BY customer_id ORDER BY customer_id;

-- dbopt: calls=50
SELECT count(*) FROM customers WHERE phone = '+44 123456789';

-- dbopt: calls=1000
INSERT INTO orders (order_id, customer_id, status, order_date, total)
VALUES (9999999, 17, 'pending', '2024-12-31', 10.5);

-- dbopt: calls=500
UPDATE orders SET status = 'shipped' WHERE order_id = 4711;

-- dbopt: calls=200
UPDATE products SET stock = stock - 1 WHERE sku = 'SKU-00042';

-- dbopt: calls=50
DELETE FROM reviews WHERE customer_id = 4242 AND rating = 1;
