-- Order pages and the order API.

-- name: orders_page
SELECT order_id, order_date, total
  FROM orders
 WHERE customer_id = $1
 ORDER BY order_date DESC
 LIMIT 20 OFFSET 1000;

-- name: order_lines
SELECT i.line_no, p.name, i.quantity, i.unit_price
  FROM order_items i
  JOIN products p ON p.product_id = i.product_id
 WHERE i.order_id = $1
 ORDER BY i.line_no;

-- name: orders_by_id_list
SELECT order_id, status FROM orders WHERE order_id IN (SELECT order_id FROM reviews);

-- name: recent_orders_per_country
SELECT c.country, count(*)
  FROM orders o, customers c
 WHERE o.order_date >= current_date - 30
 GROUP BY c.country;

-- name: cancel_order
UPDATE orders SET status = 'cancelled' WHERE order_id = $1 AND status = 'pending';

-- name: purge_test_orders
DELETE FROM order_items;

-- name: order_total_check
SELECT order_id FROM orders WHERE order_id = 1500.0 AND total IS NULL;

-- name: broken_query
SELECT order_id FROM orders WHERE status = 'shipped' ORDER BY;
