-- The second workload of the recommend-index acceptance test (tests/acceptance/recommend): a
-- web application on the explain acceptance's skew database (accounts, products, purchases,
-- events: Zipf-like keys, NULLs, text patterns), with the secondary indexes removed (only
-- primary keys and UNIQUE constraints remain). Values that vary per call are $n parameters;
-- the "-- args:" lines (the harness's, not dbopt's) are the values of one call each, measured
-- and averaged (tpch.sql says more). Hot and cold keys both appear: the data are skewed.

-- dbopt: calls=3000
-- args: 4242
-- args: 1
-- args: 19000
SELECT event_id, kind, created_at FROM events WHERE account_id = $1
ORDER BY created_at DESC LIMIT 20;

-- dbopt: calls=1000
-- args: 'mary.smith17@gmail.com'
-- args: 'james.johnson1@yahoo.com'
-- args: 'nobody@example.com'
SELECT account_id, first_name, last_name FROM accounts WHERE email = $1;

-- dbopt: calls=800
-- args: 777
-- args: 2
-- args: 15000
SELECT purchase_id, amount, purchased_at FROM purchases WHERE account_id = $1
ORDER BY purchased_at DESC LIMIT 10;

-- dbopt: calls=500
-- args: 'garden', 20
-- args: 'electronics', 10
-- args: 'pets', 50
SELECT product_id, name, price FROM products WHERE category = $1 AND price < $2
ORDER BY price LIMIT 20;

-- dbopt: calls=300
-- args: 'sess-0123456789abcdef'
-- args: 'sess-c4ca4238a0b92382'
-- args: 'sess-ffffffffffffffff'
SELECT count(*) FROM events WHERE session_id = $1;

-- dbopt: calls=200
-- args: timestamptz '2024-06-01 00:00:00+00', timestamptz '2024-06-02 00:00:00+00'
-- args: timestamptz '2024-02-10 00:00:00+00', timestamptz '2024-02-11 00:00:00+00'
-- args: timestamptz '2024-11-20 00:00:00+00', timestamptz '2024-11-21 00:00:00+00'
SELECT kind, count(*) FROM events WHERE created_at >= $1 AND created_at < $2
GROUP BY kind ORDER BY kind;

-- dbopt: calls=100
-- args: timestamptz '2023-05-01 00:00:00+00', timestamptz '2023-05-03 00:00:00+00'
-- args: timestamptz '2023-09-10 00:00:00+00', timestamptz '2023-09-12 00:00:00+00'
-- args: timestamptz '2024-01-20 00:00:00+00', timestamptz '2024-01-22 00:00:00+00'
SELECT p.name, sum(pu.amount) AS revenue FROM purchases pu JOIN products p ON p.product_id = pu.product_id
WHERE pu.purchased_at >= $1 AND pu.purchased_at < $2
GROUP BY p.name ORDER BY revenue DESC LIMIT 10;

-- dbopt: calls=100
-- args: 'NZ'
-- args: 'SG'
-- args: 'IE'
SELECT a.email, count(*) FROM accounts a JOIN purchases pu ON pu.account_id = a.account_id
WHERE a.country = $1 AND a.plan = 'enterprise' GROUP BY a.email ORDER BY a.email;

-- dbopt: calls=50
-- args: timestamptz '2024-10-01 00:00:00+00'
-- args: timestamptz '2024-03-01 00:00:00+00'
-- args: timestamptz '2024-12-01 00:00:00+00'
SELECT url, status_code FROM events WHERE status_code >= 500 AND created_at >= $1
ORDER BY created_at LIMIT 50;

-- dbopt: calls=50
-- args: 'Oliveira', 'Oskar'
-- args: 'Smith', 'James'
-- args: 'Tanaka', 'Yuki'
SELECT account_id FROM accounts WHERE last_name = $1 AND first_name = $2;

-- dbopt: calls=30
-- args: 'VIP'
-- args: 'WELCOME10'
-- args: 'LOYAL5'
SELECT count(*) FROM purchases WHERE coupon_code = $1;

-- dbopt: calls=400
-- args: 1
-- args: 321
-- args: 4999
SELECT purchase_id, amount FROM purchases WHERE product_id = $1 ORDER BY purchased_at DESC LIMIT 5;

-- dbopt: calls=2000
-- args: 300001, 17
-- args: 300002, 4242
-- args: 300003, 19999
INSERT INTO events VALUES ($1, $2, 'click', '/products/17', 200, 12, true, 'curl/8.4', NULL,
  'sess-test', timestamptz '2024-12-31 00:00:00+00');

-- dbopt: calls=500
-- args: 999
-- args: 1
-- args: 12345
UPDATE accounts SET last_login_at = timestamptz '2025-01-01 00:00:00+00' WHERE account_id = $1;

-- dbopt: calls=100
-- args: 123, timestamptz '2023-06-01 00:00:00+00'
-- args: 1, timestamptz '2024-01-01 00:00:00+00'
-- args: 18000, timestamptz '2023-02-01 00:00:00+00'
UPDATE purchases SET refunded = true WHERE account_id = $1 AND purchased_at >= $2;

-- dbopt: calls=20
-- args: 19999, timestamptz '2024-02-01 00:00:00+00'
-- args: 3, timestamptz '2024-01-15 00:00:00+00'
-- args: 7777, timestamptz '2024-03-01 00:00:00+00'
DELETE FROM events WHERE account_id = $1 AND created_at < $2;
