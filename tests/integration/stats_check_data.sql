-- Deterministic data for tests/integration/stats_check_test.sh. Both tables have at most 30000
-- rows, so ANALYZE's sample (300 x default_statistics_target = 30000 rows) is the whole table
-- and the statistics are the same on every run.
CREATE TABLE items (
  id integer PRIMARY KEY,
  grp integer,      -- skewed: 40% 1, 20% 2, the rest i % 97
  val integer,      -- 10000 values, each twice: no MCVs, an index for the actual range
  price numeric(10, 2),
  name text,        -- 'abc<n>', 'xyz<n>', 'Item <n>' for the pattern cases
  tag text,         -- red / green / blue, 20% NULL
  flag boolean,     -- 70% true, 20% false, 10% NULL
  created date,
  opt integer       -- 50% NULL
);
INSERT INTO items
SELECT i,
       CASE WHEN i % 10 < 4 THEN 1 WHEN i % 10 < 6 THEN 2 ELSE i % 97 END,
       (i * 7919) % 10000,
       ((i * 31) % 100000) / 100.0,
       CASE WHEN i % 3 = 0 THEN 'abc' || (i % 1000)
            WHEN i % 3 = 1 THEN 'xyz' || i
            ELSE 'Item ' || (i % 50) END,
       CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 < 3 THEN 'red'
            WHEN i % 5 = 3 THEN 'green' ELSE 'blue' END,
       CASE WHEN i % 10 < 7 THEN true WHEN i % 10 < 9 THEN false END,
       date '2024-01-01' + (i % 366),
       CASE WHEN i % 2 = 1 THEN i % 1000 END
FROM generate_series(1, 20000) AS i;
CREATE INDEX items_val_idx ON items (val);
CREATE INDEX items_lower_name_idx ON items (lower(name));

CREATE TABLE orders (
  id integer PRIMARY KEY,
  item_id integer REFERENCES items (id),
  grp integer,
  qty integer
);
INSERT INTO orders
SELECT i,
       CASE WHEN i % 4 = 0 THEN 1 + i % 100 ELSE 1 + (i * 13) % 20000 END,
       i % 50,
       i % 7
FROM generate_series(1, 30000) AS i;
CREATE STATISTICS items_grp_flag (ndistinct) ON grp, flag FROM items;
ANALYZE items;
ANALYZE orders;
