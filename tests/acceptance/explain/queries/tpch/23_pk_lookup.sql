-- Primary-key lookup.
SELECT * FROM orders WHERE o_orderkey = 4242;
