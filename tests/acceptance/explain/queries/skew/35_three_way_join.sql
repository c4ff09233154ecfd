-- Buyers from one country, products of one category.
SELECT a.account_id, pr.name, p.amount
FROM accounts a
JOIN purchases p ON p.account_id = a.account_id
JOIN products pr ON pr.product_id = p.product_id
WHERE a.country = 'JP' AND pr.category = 'books';
