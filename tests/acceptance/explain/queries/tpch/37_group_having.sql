-- GROUP BY with HAVING on the aggregate.
SELECT o_custkey, count(*) FROM orders GROUP BY o_custkey HAVING count(*) > 25;
