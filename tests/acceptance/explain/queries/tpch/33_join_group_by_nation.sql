-- Customers per nation: a small dimension joined to a larger table.
SELECT n_name, count(*) FROM customer JOIN nation ON c_nationkey = n_nationkey GROUP BY n_name;
