-- UNION (duplicate elimination) of suppliers and customers of one nation.
SELECT s_name AS name, 'supplier' AS kind FROM supplier WHERE s_nationkey = 3
UNION
SELECT c_name, 'customer' FROM customer WHERE c_nationkey = 3;
