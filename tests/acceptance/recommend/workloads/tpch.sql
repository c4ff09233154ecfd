-- The TPC-H-shaped workload of the recommend-index acceptance test (tests/acceptance/recommend):
-- an order-entry and reporting mix on the explain acceptance's TPC-H database (scale 0.05), with
-- the secondary indexes removed (only primary keys remain). Weights are calls per period. Most
-- reads have selective predicates, key joins or ORDER BY ... LIMIT, where an index matters; the
-- Q1-style report is a scan no index helps.
--
-- Values that vary from call to call are $n parameters, as pg_stat_statements or
-- `dbopt replay --emit-workload` would give them; constants that an application fixes stay
-- literals. The "-- args:" lines are the harness's, not dbopt's: the values of one call each.
-- The advisors see the parameterized statement; the measurement runs every args line (the DML
-- inside BEGIN ... ROLLBACK) and takes the mean, so an index tuned to one value gains nothing.

-- dbopt: calls=2000
-- args: 1234
-- args: 4711
-- args: 7001
SELECT o_orderkey, o_orderdate, o_totalprice FROM orders
WHERE o_custkey = $1 ORDER BY o_orderdate DESC LIMIT 10;

-- dbopt: calls=1500
-- args: 4711
-- args: 97
-- args: 120001
SELECT l_linenumber, l_quantity, l_extendedprice FROM lineitem WHERE l_orderkey = $1;

-- dbopt: calls=800
-- args: date '1996-03-15'
-- args: date '1993-07-01'
-- args: date '1998-01-20'
SELECT count(*) FROM lineitem WHERE l_shipdate = $1;

-- dbopt: calls=500
-- args: 777
-- args: 1
-- args: 9999
SELECT l_orderkey, l_suppkey, l_extendedprice FROM lineitem WHERE l_partkey = $1;

-- dbopt: calls=300
-- args: date '1995-03-01', date '1995-03-07'
-- args: date '1993-11-10', date '1993-11-16'
-- args: date '1997-06-01', date '1997-06-07'
SELECT o_orderkey, o_totalprice FROM orders WHERE o_orderdate BETWEEN $1 AND $2
ORDER BY o_totalprice DESC LIMIT 20;

-- dbopt: calls=200
-- args: 'Customer#000004711'
-- args: 'Customer#000000001'
-- args: 'Customer#000007499'
SELECT c_custkey, c_acctbal, c_phone FROM customer WHERE c_name = $1;

-- dbopt: calls=100
-- args: 'Brand#23', 'MED BOX', 15
-- args: 'Brand#45', 'SM CASE', 3
-- args: 'Brand#11', 'JUMBO PKG', 49
SELECT p_partkey, p_name, p_retailprice FROM part
WHERE p_brand = $1 AND p_container = $2 AND p_size = $3;

-- dbopt: calls=100
-- args: 555
-- args: 9001
-- args: 42
SELECT ps_suppkey, ps_supplycost FROM partsupp WHERE ps_partkey = $1
ORDER BY ps_supplycost LIMIT 1;

-- dbopt: calls=60
-- args: 42, date '1997-01-01', date '1997-02-01'
-- args: 250, date '1994-03-01', date '1994-04-01'
-- args: 499, date '1996-10-01', date '1996-11-01'
SELECT s_name, sum(l_extendedprice) AS revenue FROM lineitem JOIN supplier ON s_suppkey = l_suppkey
WHERE l_suppkey = $1 AND l_shipdate >= $2 AND l_shipdate < $3
GROUP BY s_name;

-- dbopt: calls=50
-- args: 'Customer#000000999'
-- args: 'Customer#000005000'
-- args: 'Customer#000000002'
SELECT c.c_name, o.o_orderkey, o.o_totalprice FROM customer c JOIN orders o ON o.o_custkey = c.c_custkey
WHERE c.c_name = $1;

-- dbopt: calls=40
-- args: date '1996-07-01', date '1996-07-15'
-- args: date '1993-02-01', date '1993-02-15'
-- args: date '1997-09-10', date '1997-09-24'
SELECT o_orderpriority, count(*) AS order_count FROM orders
WHERE o_orderdate >= $1 AND o_orderdate < $2
  AND EXISTS (SELECT 1 FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)
GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- dbopt: calls=30
-- args: date '1995-03-15'
-- args: date '1993-05-02'
-- args: date '1997-12-24'
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate
FROM customer, orders, lineitem
WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
  AND o_orderdate = $1
GROUP BY l_orderkey, o_orderdate ORDER BY revenue DESC LIMIT 10;

-- dbopt: calls=20
-- args: date '1995-09-01', date '1995-09-08'
-- args: date '1992-12-01', date '1992-12-08'
-- args: date '1998-02-10', date '1998-02-17'
SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue FROM lineitem
WHERE l_shipdate >= $1 AND l_shipdate < $2;

-- dbopt: calls=20
-- args: date '1994-05-05'
-- args: date '1996-08-30'
-- args: date '1992-04-12'
SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_receiptdate = $1 AND l_shipmode = 'AIR';

-- dbopt: calls=10
-- args: 9900
-- args: 9000
-- args: 9990
SELECT n_name, count(*) FROM supplier JOIN nation ON n_nationkey = s_nationkey
WHERE s_acctbal > $1 GROUP BY n_name ORDER BY n_name;

-- dbopt: calls=10
-- args: 'Clerk#000000042', date '1998-01-01'
-- args: 'Clerk#000000007', date '1997-06-01'
-- args: 'Clerk#000000050', date '1998-05-01'
SELECT o_clerk, count(*) FROM orders WHERE o_clerk = $1 AND o_orderdate >= $2 GROUP BY o_clerk;

-- dbopt: calls=1
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
       avg(l_discount) AS avg_disc, count(*) AS count_order
FROM lineitem WHERE l_shipdate <= date '1998-09-02'
GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;

-- dbopt: calls=300
-- args: 2222, date '1997-01-01'
-- args: 5, date '1992-06-01'
-- args: 7400, date '1995-01-01'
SELECT o_orderkey, o_orderstatus FROM orders WHERE o_custkey = $1 AND o_orderdate >= $2;

-- dbopt: calls=600
-- args: 600001, 1234
-- args: 600002, 17
-- args: 600003, 7000
INSERT INTO orders VALUES ($1, $2, 'O', 1000.00, date '1998-08-03', '1-URGENT',
  'Clerk#000000001', 0, 'a new order');

-- dbopt: calls=1200
-- args: 8
-- args: 9
-- args: 10
INSERT INTO lineitem VALUES (1, 1, 2, $1, 5, 4505.00, 0.02, 0.01, 'N', 'O', date '1998-08-10',
  date '1998-08-20', date '1998-08-25', 'NONE', 'AIR', 'a new line');

-- dbopt: calls=400
-- args: 2222
-- args: 5
-- args: 7400
UPDATE orders SET o_orderpriority = '1-URGENT' WHERE o_custkey = $1 AND o_orderstatus = 'O';

-- dbopt: calls=300
-- args: 97, 1
-- args: 4711, 2
-- args: 1, 1
UPDATE lineitem SET l_shipmode = 'AIR' WHERE l_orderkey = $1 AND l_linenumber = $2;

-- dbopt: calls=200
-- args: 10, 'Customer#000000777'
-- args: -5, 'Customer#000003000'
-- args: 20, 'Customer#000006001'
UPDATE customer SET c_acctbal = c_acctbal + $1 WHERE c_name = $2;

-- dbopt: calls=50
-- args: 4242, 49
-- args: 17, 45
-- args: 8000, 48
DELETE FROM lineitem WHERE l_partkey = $1 AND l_quantity > $2;

-- dbopt: calls=20
-- args: date '1998-11-01'
-- args: date '1996-02-02'
-- args: date '1993-09-09'
DELETE FROM lineitem WHERE l_shipdate = $1 AND l_returnflag = 'N';
