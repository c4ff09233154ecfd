-- One customer's orders and their lines: a parameterized inner index scan.
SELECT o.o_orderkey, l.l_linenumber, l.l_quantity
FROM orders o JOIN lineitem l ON l.l_orderkey = o.o_orderkey
WHERE o.o_custkey = 1000;
