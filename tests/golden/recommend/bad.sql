-- dbopt: calls=100
SELECT review_id FROM reviews WHERE customer_id = $1;

-- dbopt: calls=many
SELECT order_id FROM orders WHERE status = 'shipped';

SELECT * FORM orders;

-- dbopt: calls=10
SELECT id FROM reveiws WHERE customer_id = $1;
