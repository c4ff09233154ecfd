-- The second workload of the recommend-index acceptance test (tests/acceptance/recommend): a
-- web application on the explain acceptance's skew database (accounts, products, purchases,
-- events: Zipf-like keys, NULLs, text patterns), with the secondary indexes removed (only
-- primary keys and UNIQUE constraints remain). Literal constants throughout, so every statement
-- can be executed; the one parameterized statement is planned as a generic plan and not executed.

-- dbopt: calls=3000
SELECT event_id, kind, created_at FROM events WHERE account_id = 4242
ORDER BY created_at DESC LIMIT 20;

-- dbopt: calls=1000
SELECT account_id, first_name, last_name FROM accounts WHERE email = 'mary.smith17@gmail.com';

-- dbopt: calls=800
SELECT purchase_id, amount, purchased_at FROM purchases WHERE account_id = 777
ORDER BY purchased_at DESC LIMIT 10;

-- dbopt: calls=500
SELECT product_id, name, price FROM products WHERE category = 'garden' AND price < 20
ORDER BY price LIMIT 20;

-- dbopt: calls=300
SELECT count(*) FROM events WHERE session_id = 'sess-0123456789abcdef';

-- dbopt: calls=200
SELECT kind, count(*) FROM events
WHERE created_at >= timestamptz '2024-06-01 00:00:00+00' AND created_at < timestamptz '2024-06-02 00:00:00+00'
GROUP BY kind ORDER BY kind;

-- dbopt: calls=100
SELECT p.name, sum(pu.amount) AS revenue FROM purchases pu JOIN products p ON p.product_id = pu.product_id
WHERE pu.purchased_at >= timestamptz '2023-05-01 00:00:00+00'
  AND pu.purchased_at < timestamptz '2023-05-03 00:00:00+00'
GROUP BY p.name ORDER BY revenue DESC LIMIT 10;

-- dbopt: calls=100
SELECT a.email, count(*) FROM accounts a JOIN purchases pu ON pu.account_id = a.account_id
WHERE a.country = 'NZ' AND a.plan = 'enterprise' GROUP BY a.email ORDER BY a.email;

-- dbopt: calls=50
SELECT url, status_code FROM events
WHERE status_code >= 500 AND created_at >= timestamptz '2024-10-01 00:00:00+00'
ORDER BY created_at LIMIT 50;

-- dbopt: calls=50
SELECT account_id FROM accounts WHERE last_name = 'Oliveira' AND first_name = 'Oskar';

-- dbopt: calls=30
SELECT count(*) FROM purchases WHERE coupon_code = 'VIP';

-- dbopt: calls=400
SELECT purchase_id, amount FROM purchases WHERE product_id = $1 ORDER BY purchased_at DESC LIMIT 5;

-- dbopt: calls=2000
INSERT INTO events VALUES (300001, 17, 'click', '/products/17', 200, 12, true, 'curl/8.4', NULL,
  'sess-test', timestamptz '2024-12-31 00:00:00+00');

-- dbopt: calls=500
UPDATE accounts SET last_login_at = timestamptz '2025-01-01 00:00:00+00' WHERE account_id = 999;

-- dbopt: calls=100
UPDATE purchases SET refunded = true
WHERE account_id = 123 AND purchased_at >= timestamptz '2023-06-01 00:00:00+00';

-- dbopt: calls=20
DELETE FROM events WHERE account_id = 19999 AND created_at < timestamptz '2024-02-01 00:00:00+00';
