-- Products with a refunded purchase (IN over a nullable boolean).
SELECT product_id, name FROM products
WHERE product_id IN (SELECT product_id FROM purchases WHERE refunded);
