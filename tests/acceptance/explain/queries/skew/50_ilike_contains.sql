-- ILIKE with wildcards on both sides.
SELECT count(*) FROM products WHERE name ILIKE '%phone%';
