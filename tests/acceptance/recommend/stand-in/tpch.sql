-- STAND-IN for the dbopt slot of tests/acceptance/recommend/run.sh, used only while
-- `dbopt recommend-index` does not exist: a hand-written index list (what a DBA would write from
-- the workload's WHERE clauses), so the harness runs end to end. Figures measured with it are
-- marked STAND-IN and are not dbopt's.
CREATE INDEX standin_orders_custkey ON orders (o_custkey);
CREATE INDEX standin_orders_orderdate ON orders (o_orderdate);
CREATE INDEX standin_lineitem_shipdate ON lineitem (l_shipdate);
CREATE INDEX standin_lineitem_partkey ON lineitem (l_partkey);
CREATE INDEX standin_customer_name ON customer (c_name);
