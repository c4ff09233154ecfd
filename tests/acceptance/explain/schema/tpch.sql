-- A TPC-H-shaped database at scale factor 0.05 for the `dbopt explain` acceptance test:
-- region 5, nation 25, supplier 500, part 10000, partsupp 40000, customer 7500, orders 75000,
-- lineitem about 300000 rows. Column types, keys and value distributions follow the TPC-H
-- specification (dbgen) closely enough for plan shapes and estimates to be realistic.
--
-- Every value is a deterministic function of a row's number: gen.rnd(i, salt, lo, hi) hashes
-- (i, salt) with PostgreSQL's hashint8extended, so two loads give byte-identical tables; and
-- ANALYZE reads whole tables (see the end), so they get identical statistics too.
SET client_min_messages = warning;
CREATE EXTENSION pageinspect;  -- exact B-tree heights for `dbopt catalog import` (superuser)

CREATE SCHEMA gen;
-- A uniform integer in [lo, hi] from the hash of (i, salt).
CREATE FUNCTION gen.rnd(i bigint, salt bigint, lo bigint, hi bigint) RETURNS bigint
  IMMUTABLE LANGUAGE sql AS $$ SELECT lo + (hashint8extended(i, salt) & 2147483647) % (hi - lo + 1) $$;
-- One element of a text array, chosen uniformly.
CREATE FUNCTION gen.pick(i bigint, salt bigint, a text[]) RETURNS text
  IMMUTABLE LANGUAGE sql AS $$ SELECT a[gen.rnd(i, salt, 1, cardinality(a))] $$;
-- A TPC-H-like comment: n words from a fixed vocabulary.
CREATE FUNCTION gen.words(i bigint, salt bigint, n int) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT string_agg(gen.pick(i, salt * 16 + w, ARRAY[
    'furiously', 'carefully', 'quickly', 'slyly', 'blithely', 'ironic', 'final', 'regular',
    'express', 'special', 'pending', 'bold', 'even', 'silent', 'unusual', 'requests',
    'deposits', 'packages', 'accounts', 'instructions', 'theodolites', 'pinto', 'beans',
    'foxes', 'ideas', 'dependencies', 'excuses', 'platelets', 'asymptotes', 'courts',
    'dolphins', 'sheaves', 'frays', 'sleep', 'wake', 'are', 'haggle', 'nag', 'use', 'boost',
    'affix', 'detect', 'integrate', 'cajole', 'among', 'across', 'after', 'above']), ' ')
  FROM generate_series(1, n) w $$;
-- p_retailprice as dbgen computes it from the part key.
CREATE FUNCTION gen.retailprice(p bigint) RETURNS numeric IMMUTABLE LANGUAGE sql AS $$
  SELECT ((90000 + ((p / 10) % 20001) + 100 * (p % 1000)) / 100.0)::numeric(15,2) $$;
-- The i-th (0..3) supplier of part p among s suppliers (dbgen's PARTSUPP rule).
CREATE FUNCTION gen.partsupp_supplier(p bigint, i bigint, s bigint) RETURNS int IMMUTABLE
  LANGUAGE sql AS $$ SELECT ((p + i * (s / 4 + (p - 1) / s)) % s + 1)::int $$;

CREATE TABLE region (
  r_regionkey integer NOT NULL, r_name char(25) NOT NULL, r_comment varchar(152));
CREATE TABLE nation (
  n_nationkey integer NOT NULL, n_name char(25) NOT NULL, n_regionkey integer NOT NULL,
  n_comment varchar(152));
CREATE TABLE part (
  p_partkey integer NOT NULL, p_name varchar(55) NOT NULL, p_mfgr char(25) NOT NULL,
  p_brand char(10) NOT NULL, p_type varchar(25) NOT NULL, p_size integer NOT NULL,
  p_container char(10) NOT NULL, p_retailprice numeric(15,2) NOT NULL,
  p_comment varchar(23) NOT NULL);
CREATE TABLE supplier (
  s_suppkey integer NOT NULL, s_name char(25) NOT NULL, s_address varchar(40) NOT NULL,
  s_nationkey integer NOT NULL, s_phone char(15) NOT NULL, s_acctbal numeric(15,2) NOT NULL,
  s_comment varchar(101) NOT NULL);
CREATE TABLE partsupp (
  ps_partkey integer NOT NULL, ps_suppkey integer NOT NULL, ps_availqty integer NOT NULL,
  ps_supplycost numeric(15,2) NOT NULL, ps_comment varchar(199) NOT NULL);
CREATE TABLE customer (
  c_custkey integer NOT NULL, c_name varchar(25) NOT NULL, c_address varchar(40) NOT NULL,
  c_nationkey integer NOT NULL, c_phone char(15) NOT NULL, c_acctbal numeric(15,2) NOT NULL,
  c_mktsegment char(10) NOT NULL, c_comment varchar(117) NOT NULL);
CREATE TABLE orders (
  o_orderkey integer NOT NULL, o_custkey integer NOT NULL, o_orderstatus char(1) NOT NULL,
  o_totalprice numeric(15,2) NOT NULL, o_orderdate date NOT NULL,
  o_orderpriority char(15) NOT NULL, o_clerk char(15) NOT NULL,
  o_shippriority integer NOT NULL, o_comment varchar(79) NOT NULL);
CREATE TABLE lineitem (
  l_orderkey integer NOT NULL, l_partkey integer NOT NULL, l_suppkey integer NOT NULL,
  l_linenumber integer NOT NULL, l_quantity numeric(15,2) NOT NULL,
  l_extendedprice numeric(15,2) NOT NULL, l_discount numeric(15,2) NOT NULL,
  l_tax numeric(15,2) NOT NULL, l_returnflag char(1) NOT NULL, l_linestatus char(1) NOT NULL,
  l_shipdate date NOT NULL, l_commitdate date NOT NULL, l_receiptdate date NOT NULL,
  l_shipinstruct char(25) NOT NULL, l_shipmode char(10) NOT NULL,
  l_comment varchar(44) NOT NULL);

INSERT INTO region
SELECT k, name, gen.words(k, 1, 8)
FROM unnest(ARRAY['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST']) WITH ORDINALITY AS r(name, n),
     LATERAL (SELECT (n - 1)::int AS k) key;

INSERT INTO nation
SELECT (n - 1)::int, name, region, gen.words(n, 2, 10)
FROM unnest(
  ARRAY['ALGERIA', 'ARGENTINA', 'BRAZIL', 'CANADA', 'EGYPT', 'ETHIOPIA', 'FRANCE', 'GERMANY',
        'INDIA', 'INDONESIA', 'IRAN', 'IRAQ', 'JAPAN', 'JORDAN', 'KENYA', 'MOROCCO',
        'MOZAMBIQUE', 'PERU', 'CHINA', 'ROMANIA', 'SAUDI ARABIA', 'VIETNAM', 'RUSSIA',
        'UNITED KINGDOM', 'UNITED STATES'],
  ARRAY[0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1])
  WITH ORDINALITY AS t(name, region, n);

INSERT INTO part
SELECT p,
       (SELECT string_agg(gen.pick(p, 10 + w, ARRAY[
          'almond', 'antique', 'aquamarine', 'azure', 'beige', 'bisque', 'black', 'blanched',
          'blue', 'blush', 'brown', 'burlywood', 'burnished', 'chartreuse', 'chiffon',
          'chocolate', 'coral', 'cornflower', 'cornsilk', 'cream', 'cyan', 'dark', 'deep', 'dim',
          'dodger', 'drab', 'firebrick', 'floral', 'forest', 'frosted', 'gainsboro', 'ghost',
          'goldenrod', 'green', 'grey', 'honeydew', 'hot', 'indian', 'ivory', 'khaki', 'lace',
          'lavender', 'lawn', 'lemon', 'light', 'lime', 'linen', 'magenta', 'maroon', 'medium',
          'metallic', 'midnight', 'mint', 'misty', 'moccasin', 'navajo', 'navy', 'olive',
          'orange', 'orchid', 'pale', 'papaya', 'peach', 'peru', 'pink', 'plum', 'powder',
          'puff', 'purple', 'red', 'rose', 'rosy', 'royal', 'saddle', 'salmon', 'sandy',
          'seashell', 'sienna', 'sky', 'slate', 'smoke', 'snow', 'spring', 'steel', 'tan',
          'thistle', 'tomato', 'turquoise', 'violet', 'wheat', 'white', 'yellow']), ' ')
        FROM generate_series(1, 5) w),
       'Manufacturer#' || m,
       'Brand#' || m || gen.rnd(p, 3, 1, 5),
       gen.pick(p, 4, ARRAY['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO']) || ' ' ||
         gen.pick(p, 5, ARRAY['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED']) || ' ' ||
         gen.pick(p, 6, ARRAY['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER']),
       gen.rnd(p, 7, 1, 50),
       gen.pick(p, 8, ARRAY['SM', 'LG', 'MED', 'JUMBO', 'WRAP']) || ' ' ||
         gen.pick(p, 9, ARRAY['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM']),
       gen.retailprice(p),
       left(gen.words(p, 20, 3), 23)
FROM generate_series(1, 10000) p, LATERAL (SELECT gen.rnd(p, 2, 1, 5) AS m) mfgr;

INSERT INTO supplier
SELECT s, 'Supplier#' || lpad(s::text, 9, '0'),
       left(md5('supplier address' || s), gen.rnd(s, 1, 10, 32)::int),
       nk,
       (nk + 10) || '-' || gen.rnd(s, 3, 100, 999) || '-' || gen.rnd(s, 4, 100, 999) || '-' ||
         gen.rnd(s, 5, 1000, 9999),
       gen.rnd(s, 6, -99999, 999999) / 100.0,
       CASE WHEN s % 97 = 13 THEN gen.words(s, 7, 2) || ' Customer ' || gen.words(s, 8, 1) ||
                                  ' Complaints ' || gen.words(s, 9, 2)
            WHEN s % 97 = 41 THEN gen.words(s, 7, 2) || ' Customer ' || gen.words(s, 8, 1) ||
                                  ' Recommends ' || gen.words(s, 9, 2)
            ELSE gen.words(s, 7, 6) END
FROM generate_series(1, 500) s, LATERAL (SELECT gen.rnd(s, 2, 0, 24)::int AS nk) n;

INSERT INTO partsupp
SELECT p, gen.partsupp_supplier(p, i, 500), gen.rnd(p * 4 + i, 1, 1, 9999),
       gen.rnd(p * 4 + i, 2, 100, 100000) / 100.0, gen.words(p * 4 + i, 3, 12)
FROM generate_series(1, 10000) p, generate_series(0, 3) i
ORDER BY p, i;

INSERT INTO customer
SELECT c, 'Customer#' || lpad(c::text, 9, '0'),
       left(md5('customer address' || c), gen.rnd(c, 1, 10, 32)::int),
       nk,
       (nk + 10) || '-' || gen.rnd(c, 3, 100, 999) || '-' || gen.rnd(c, 4, 100, 999) || '-' ||
         gen.rnd(c, 5, 1000, 9999),
       gen.rnd(c, 6, -99999, 999999) / 100.0,
       gen.pick(c, 7, ARRAY['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD']),
       gen.words(c, 8, 9)
FROM generate_series(1, 7500) c, LATERAL (SELECT gen.rnd(c, 2, 0, 24)::int AS nk) n;

-- Orders: 8 of every 32 keys are used (dbgen's sparse keys); a third of the customers (keys
-- divisible by 3) have none; order dates are uniform from 1992-01-01 to 1998-08-02.
CREATE TEMP TABLE order_base AS
SELECT i, (((i - 1) / 8) * 32 + (i - 1) % 8 + 1)::int AS orderkey,
       (CASE WHEN c % 3 = 0 THEN c - 1 ELSE c END)::int AS custkey,
       date '1992-01-01' + gen.rnd(i, 2, 0, 2405)::int AS orderdate,
       gen.rnd(i, 3, 1, 7)::int AS lines
FROM generate_series(1, 75000) i, LATERAL (SELECT gen.rnd(i, 1, 1, 7500) AS c) cust;

INSERT INTO lineitem
SELECT orderkey, partkey, gen.partsupp_supplier(partkey, gen.rnd(k, 2, 0, 3), 500), j, qty,
       qty * gen.retailprice(partkey), gen.rnd(k, 4, 0, 10) / 100.0, gen.rnd(k, 5, 0, 8) / 100.0,
       CASE WHEN receiptdate <= date '1995-06-17'
            THEN CASE WHEN gen.rnd(k, 6, 0, 1) = 0 THEN 'R' ELSE 'A' END ELSE 'N' END,
       CASE WHEN shipdate > date '1995-06-17' THEN 'O' ELSE 'F' END,
       shipdate, orderdate + gen.rnd(k, 8, 30, 90)::int, receiptdate,
       gen.pick(k, 9, ARRAY['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN']),
       gen.pick(k, 10, ARRAY['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB']),
       left(gen.words(k, 11, 5), 44)
FROM order_base, generate_series(1, lines) j,
     LATERAL (SELECT i * 8 + j AS k) key,
     LATERAL (SELECT gen.rnd(k, 1, 1, 10000)::int AS partkey, gen.rnd(k, 3, 1, 50) AS qty,
                     orderdate + gen.rnd(k, 7, 1, 121)::int AS shipdate) l,
     LATERAL (SELECT shipdate + gen.rnd(k, 12, 1, 30)::int AS receiptdate) r
ORDER BY orderkey, j;

INSERT INTO orders
SELECT orderkey, custkey,
       CASE WHEN all_f THEN 'F' WHEN all_o THEN 'O' ELSE 'P' END,
       total, orderdate,
       gen.pick(i, 4, ARRAY['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW']),
       'Clerk#' || lpad(gen.rnd(i, 5, 1, 50)::text, 9, '0'), 0,
       left(gen.words(i, 6, 8), 79)
FROM order_base
JOIN (SELECT l_orderkey, round(sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)), 2) AS total,
             bool_and(l_linestatus = 'F') AS all_f, bool_and(l_linestatus = 'O') AS all_o
      FROM lineitem GROUP BY l_orderkey) l ON l.l_orderkey = orderkey
ORDER BY orderkey;

DROP TABLE order_base;
DROP SCHEMA gen CASCADE;

ALTER TABLE region ADD PRIMARY KEY (r_regionkey);
ALTER TABLE nation ADD PRIMARY KEY (n_nationkey);
ALTER TABLE part ADD PRIMARY KEY (p_partkey);
ALTER TABLE supplier ADD PRIMARY KEY (s_suppkey);
ALTER TABLE partsupp ADD PRIMARY KEY (ps_partkey, ps_suppkey);
ALTER TABLE customer ADD PRIMARY KEY (c_custkey);
ALTER TABLE orders ADD PRIMARY KEY (o_orderkey);
ALTER TABLE lineitem ADD PRIMARY KEY (l_orderkey, l_linenumber);

ALTER TABLE nation ADD FOREIGN KEY (n_regionkey) REFERENCES region;
ALTER TABLE supplier ADD FOREIGN KEY (s_nationkey) REFERENCES nation;
ALTER TABLE customer ADD FOREIGN KEY (c_nationkey) REFERENCES nation;
ALTER TABLE partsupp ADD FOREIGN KEY (ps_partkey) REFERENCES part;
ALTER TABLE partsupp ADD FOREIGN KEY (ps_suppkey) REFERENCES supplier;
ALTER TABLE orders ADD FOREIGN KEY (o_custkey) REFERENCES customer;
ALTER TABLE lineitem ADD FOREIGN KEY (l_orderkey) REFERENCES orders;
ALTER TABLE lineitem ADD FOREIGN KEY (l_partkey, l_suppkey) REFERENCES partsupp;

CREATE INDEX nation_regionkey_idx ON nation (n_regionkey);
CREATE INDEX supplier_nationkey_idx ON supplier (s_nationkey);
CREATE INDEX customer_nationkey_idx ON customer (c_nationkey);
CREATE INDEX partsupp_suppkey_idx ON partsupp (ps_suppkey);
CREATE INDEX orders_custkey_idx ON orders (o_custkey);
CREATE INDEX orders_orderdate_idx ON orders (o_orderdate);
CREATE INDEX lineitem_partkey_suppkey_idx ON lineitem (l_partkey, l_suppkey);
CREATE INDEX lineitem_shipdate_idx ON lineitem (l_shipdate);
CREATE INDEX part_type_size_idx ON part (p_type, p_size);

-- ANALYZE samples 300 x the largest statistics target rows, at random. One column per large
-- table gets a target high enough for the sample to be the whole table, so the statistics are
-- deterministic too (the columns are low-cardinality or unqueried, so their own statistics
-- stay small); every other column keeps the default target of 100.
ALTER TABLE lineitem ALTER COLUMN l_linestatus SET STATISTICS 1000;  -- 300000 >= 299273 rows
ALTER TABLE orders ALTER COLUMN o_orderstatus SET STATISTICS 250;    -- 75000 rows
ALTER TABLE partsupp ALTER COLUMN ps_comment SET STATISTICS 134;     -- 40200 >= 40000 rows

VACUUM ANALYZE;
