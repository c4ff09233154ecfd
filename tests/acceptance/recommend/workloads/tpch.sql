-- The TPC-H-shaped workload of the recommend-index acceptance test (tests/acceptance/recommend):
-- an order-entry and reporting mix on the explain acceptance's TPC-H database (scale 0.05), with
-- the secondary indexes removed (only primary keys remain). Weights are calls per period. Most
-- reads have selective predicates, key joins or ORDER BY ... LIMIT, where an index matters; a few
-- (the Q1-style report) are scans no index helps. The DML runs inside BEGIN ... ROLLBACK when
-- timed. Literal constants throughout, so every statement can be executed; the one
-- parameterized statement is planned as a generic plan and not executed.

-- dbopt: calls=2000
SELECT o_orderkey, o_orderdate, o_totalprice FROM orders
WHERE o_custkey = 1234 ORDER BY o_orderdate DESC LIMIT 10;

-- dbopt: calls=1500
SELECT l_linenumber, l_quantity, l_extendedprice FROM lineitem WHERE l_orderkey = 4711;

-- dbopt: calls=800
SELECT count(*) FROM lineitem WHERE l_shipdate = date '1996-03-15';

-- dbopt: calls=500
SELECT l_orderkey, l_suppkey, l_extendedprice FROM lineitem WHERE l_partkey = 777;

-- dbopt: calls=300
SELECT o_orderkey, o_totalprice FROM orders
WHERE o_orderdate BETWEEN date '1995-03-01' AND date '1995-03-07'
ORDER BY o_totalprice DESC LIMIT 20;

-- dbopt: calls=200
SELECT c_custkey, c_acctbal, c_phone FROM customer WHERE c_name = 'Customer#000004711';

-- dbopt: calls=100
SELECT p_partkey, p_name, p_retailprice FROM part
WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX' AND p_size = 15;

-- dbopt: calls=100
SELECT ps_suppkey, ps_supplycost FROM partsupp WHERE ps_partkey = 555
ORDER BY ps_supplycost LIMIT 1;

-- dbopt: calls=60
SELECT s_name, sum(l_extendedprice) AS revenue FROM lineitem JOIN supplier ON s_suppkey = l_suppkey
WHERE l_suppkey = 42 AND l_shipdate >= date '1997-01-01' AND l_shipdate < date '1997-02-01'
GROUP BY s_name;

-- dbopt: calls=50
SELECT c.c_name, o.o_orderkey, o.o_totalprice FROM customer c JOIN orders o ON o.o_custkey = c.c_custkey
WHERE c.c_name = 'Customer#000000999';

-- dbopt: calls=40
SELECT o_orderpriority, count(*) AS order_count FROM orders
WHERE o_orderdate >= date '1996-07-01' AND o_orderdate < date '1996-07-15'
  AND EXISTS (SELECT 1 FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)
GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- dbopt: calls=30
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate
FROM customer, orders, lineitem
WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
  AND o_orderdate = date '1995-03-15'
GROUP BY l_orderkey, o_orderdate ORDER BY revenue DESC LIMIT 10;

-- dbopt: calls=20
SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue FROM lineitem
WHERE l_shipdate >= date '1995-09-01' AND l_shipdate < date '1995-09-08';

-- dbopt: calls=20
SELECT l_orderkey, l_linenumber FROM lineitem
WHERE l_receiptdate = date '1994-05-05' AND l_shipmode = 'AIR';

-- dbopt: calls=10
SELECT n_name, count(*) FROM supplier JOIN nation ON n_nationkey = s_nationkey
WHERE s_acctbal > 9900 GROUP BY n_name ORDER BY n_name;

-- dbopt: calls=10
SELECT o_clerk, count(*) FROM orders
WHERE o_clerk = 'Clerk#000000042' AND o_orderdate >= date '1998-01-01' GROUP BY o_clerk;

-- dbopt: calls=1
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
       avg(l_discount) AS avg_disc, count(*) AS count_order
FROM lineitem WHERE l_shipdate <= date '1998-09-02'
GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;

-- dbopt: calls=300
SELECT o_orderkey, o_orderstatus FROM orders WHERE o_custkey = $1 AND o_orderdate >= $2;

-- dbopt: calls=600
INSERT INTO orders VALUES (600001, 1234, 'O', 1000.00, date '1998-08-03', '1-URGENT',
  'Clerk#000000001', 0, 'a new order');

-- dbopt: calls=1200
INSERT INTO lineitem VALUES (1, 1, 2, 8, 5, 4505.00, 0.02, 0.01, 'N', 'O', date '1998-08-10',
  date '1998-08-20', date '1998-08-25', 'NONE', 'AIR', 'a new line');

-- dbopt: calls=400
UPDATE orders SET o_orderpriority = '1-URGENT' WHERE o_custkey = 2222 AND o_orderstatus = 'O';

-- dbopt: calls=300
UPDATE lineitem SET l_shipmode = 'AIR' WHERE l_orderkey = 97 AND l_linenumber = 1;

-- dbopt: calls=200
UPDATE customer SET c_acctbal = c_acctbal + 10 WHERE c_name = 'Customer#000000777';

-- dbopt: calls=50
DELETE FROM lineitem WHERE l_partkey = 4242 AND l_quantity > 49;

-- dbopt: calls=20
DELETE FROM lineitem WHERE l_shipdate = date '1998-11-01' AND l_returnflag = 'N';
