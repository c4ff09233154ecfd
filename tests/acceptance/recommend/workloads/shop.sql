-- The SQLite workload of the recommend-index acceptance test (tests/acceptance/recommend/sqlite.sh)
-- on samples/shop's schema at 10 times its rows (customers 50000, products 10000, orders 180000,
-- order_items about 450000, reviews 80000), with the secondary indexes removed (only the rowid
-- keys and the UNIQUE / PRIMARY KEY autoindexes remain). Values that vary per call are $n
-- parameters; the "-- args:" lines (the harness's, not dbopt's) are the values of one call
-- each, measured and averaged; the DML runs inside BEGIN ... ROLLBACK.

-- dbopt: calls=2000
-- args: 4242
-- args: 1
-- args: 40000
SELECT order_id, order_date, total FROM orders WHERE customer_id = $1
ORDER BY order_date DESC LIMIT 10;

-- dbopt: calls=1000
-- args: 'mary.smith17@gmail.com'
-- args: 'wei.kim12@outlook.com'
-- args: 'nobody@example.com'
SELECT customer_id, name FROM customers WHERE email = $1;

-- dbopt: calls=800
-- args: 77
-- args: 1
-- args: 9000
SELECT rating, body FROM reviews WHERE product_id = $1 ORDER BY created_at DESC LIMIT 5;

-- dbopt: calls=500
-- args: '2024-12-20'
-- args: '2024-12-01'
-- args: '2024-12-28'
SELECT order_id, total FROM orders WHERE status = 'pending' AND order_date >= $1
ORDER BY order_date;

-- dbopt: calls=400
-- args: 123
-- args: 1
-- args: 7000
SELECT sum(quantity) FROM order_items WHERE product_id = $1;

-- dbopt: calls=300
-- args: 'garden', 20
-- args: 'electronics', 10
-- args: 'automotive', 50
SELECT product_id, name, price FROM products WHERE category = $1 AND price < $2
ORDER BY price LIMIT 20;

-- dbopt: calls=200
-- args: 'NZ', '2038-01-01'
-- args: 'CH', '2035-06-01'
-- args: 'NO', '2039-01-01'
SELECT c.name, count(*) FROM customers c JOIN orders o ON o.customer_id = c.customer_id
WHERE c.country = $1 AND c.created_at >= $2 GROUP BY c.name ORDER BY c.name;

-- dbopt: calls=100
-- args: '2024-06-15'
-- args: '2023-02-01'
-- args: '2024-11-30'
SELECT p.name, sum(i.quantity * i.unit_price) AS revenue
FROM order_items i JOIN orders o ON o.order_id = i.order_id JOIN products p ON p.product_id = i.product_id
WHERE o.order_date = $1 GROUP BY p.name ORDER BY revenue DESC LIMIT 10;

-- dbopt: calls=100
-- args: '2024-12-25'
-- args: '2024-12-01'
-- args: '2024-12-30'
SELECT customer_id, count(*) FROM reviews WHERE rating = 1 AND created_at >= $1
GROUP BY customer_id ORDER BY customer_id;

-- dbopt: calls=50
-- args: '+44 123456789'
-- args: '+1 555000111'
-- args: '+49 987654321'
SELECT count(*) FROM customers WHERE phone = $1;

-- dbopt: calls=1000
-- args: 9999991, 17
-- args: 9999992, 4242
-- args: 9999993, 40000
INSERT INTO orders (order_id, customer_id, status, order_date, total)
VALUES ($1, $2, 'pending', '2024-12-31', 10.5);

-- dbopt: calls=500
-- args: 4711
-- args: 1
-- args: 170000
UPDATE orders SET status = 'shipped' WHERE order_id = $1;

-- dbopt: calls=200
-- args: 'SKU-00042'
-- args: 'SKU-00001'
-- args: 'SKU-09000'
UPDATE products SET stock = stock - 1 WHERE sku = $1;

-- dbopt: calls=50
-- args: 4242, 1
-- args: 17, 2
-- args: 30000, 1
DELETE FROM reviews WHERE customer_id = $1 AND rating = $2;
