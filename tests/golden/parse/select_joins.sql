SELECT c.name, count(o.id) AS orders
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id NATURAL JOIN regions CROSS JOIN settings
WHERE c.active AND o.total BETWEEN 10 AND 100
GROUP BY c.name HAVING count(o.id) > 2
ORDER BY orders DESC NULLS LAST LIMIT 5 OFFSET 10;
