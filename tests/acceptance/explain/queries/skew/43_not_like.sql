-- NOT LIKE with a prefix.
SELECT count(*) FROM events WHERE url NOT LIKE '/products/%';
