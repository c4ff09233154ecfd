-- The hottest buyer's purchases with product names.
SELECT p.purchase_id, pr.name, p.amount
FROM purchases p JOIN products pr ON pr.product_id = p.product_id
WHERE p.account_id = 1;
