-- Equality and range on a two-column index, ordered by its second column.
SELECT product_id, name, price FROM products
WHERE category = 'toys' AND price BETWEEN 20 AND 40
ORDER BY price;
