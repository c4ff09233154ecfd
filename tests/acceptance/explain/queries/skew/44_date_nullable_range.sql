-- A range on a 90%-NULL date column.
SELECT count(*) FROM products WHERE discontinued_on < date '2021-01-01';
