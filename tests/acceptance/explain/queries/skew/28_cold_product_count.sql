-- A product in the long tail.
SELECT count(*) FROM purchases WHERE product_id = 4999;
