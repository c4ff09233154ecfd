-- A join whose both sides are restricted by the same key range (equivalence classes).
SELECT count(*) FROM orders JOIN lineitem ON l_orderkey = o_orderkey WHERE o_orderkey < 2000;
