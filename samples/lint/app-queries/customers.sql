-- Customer pages.

-- name: customer_by_email
SELECT customer_id, name, email
  FROM customers
 WHERE lower(email) = lower($1);

-- name: customer_search
SELECT customer_id, name
  FROM customers
 WHERE name ILIKE '%' || $1 || '%'
 ORDER BY name
 LIMIT 20;

-- name: customers_without_phone
SELECT customer_id, email FROM customers WHERE phone = NULL;

-- name: inactive_customers
SELECT c.customer_id, c.email
  FROM customers c
 WHERE c.is_active = false
   AND c.customer_id NOT IN (SELECT o.customer_id FROM orders o WHERE o.order_date > current_date - 365);

-- name: customer_profile
SELECT * FROM customers WHERE customer_id = $1; -- noqa: DB102

-- name: random_customer
SELECT customer_id FROM customers ORDER BY random() LIMIT 1;
