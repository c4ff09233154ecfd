-- The most common product (an MCV of a Zipf key).
SELECT count(*) FROM purchases WHERE product_id = 1;
