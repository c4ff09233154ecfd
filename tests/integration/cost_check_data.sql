-- Tables for tests/integration/cost_check_test.sh: known sizes, deterministic data, then
-- VACUUM ANALYZE (VACUUM also marks every page all-visible, for index-only scans).
CREATE EXTENSION pageinspect;

CREATE TABLE t1 (id int PRIMARY KEY, a int, b int, c text, pad text);
INSERT INTO t1
SELECT i, i % 1000, (i * 7919) % 100003, md5(i::text), repeat('x', 20)
FROM generate_series(1, 100000) i;
CREATE INDEX t1_a ON t1 (a);
CREATE INDEX t1_b ON t1 (b);

CREATE TABLE t2 (id int PRIMARY KEY, t1_id int, v int);
INSERT INTO t2 SELECT i, (i * 13) % 100000 + 1, i % 500 FROM generate_series(1, 10000) i;

CREATE TABLE t3 (k int, w int);
INSERT INTO t3 SELECT i % 10000 + 1, i % 97 FROM generate_series(1, 200000) i;

CREATE TABLE t4 (w int);
INSERT INTO t4 SELECT i FROM generate_series(1, 100) i;

VACUUM ANALYZE;

-- The top plan node of EXPLAIN (FORMAT JSON) for a query.
CREATE FUNCTION plan(q text) RETURNS json LANGUAGE plpgsql AS $$
DECLARE r json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO r;
  RETURN r->0->'Plan';
END $$;

-- A node's child (0: outer, 1: inner).
CREATE FUNCTION child(n json, i int) RETURNS json LANGUAGE sql AS $$ SELECT n->'Plans'->i $$;

-- PostgreSQL's costs, rows and width of a node.
CREATE FUNCTION pg(n json) RETURNS text LANGUAGE sql AS $$
  SELECT format('node=%s pg_startup=%s pg_total=%s rows=%s width=%s',
                replace(n->>'Node Type', ' ', '_'), n->>'Startup Cost', n->>'Total Cost',
                n->>'Plan Rows', n->>'Plan Width') $$;

-- A child's rows and width under a prefix, its costs as dbopt's result for case `ref`.
CREATE FUNCTION input(prefix text, n json, ref text) RETURNS text LANGUAGE sql AS $$
  SELECT format('%1$s_startup=@%2$s.startup %1$s_total=@%2$s.total %1$s_rows=%3$s %1$s_width=%4$s',
                prefix, ref, n->>'Plan Rows', n->>'Plan Width') $$;

-- Heap size inputs (relpages is the physical size right after VACUUM).
CREATE FUNCTION rel(t regclass) RETURNS text LANGUAGE sql AS $$
  SELECT format('pages=%s tuples=%s allvisfrac=%s', relpages, reltuples::float8,
                CASE WHEN relallvisible = 0 THEN 0 WHEN relallvisible >= relpages THEN 1
                     ELSE relallvisible::float8 / relpages END)
  FROM pg_class WHERE oid = t $$;

-- B-tree inputs: pages and the metapage's fastlevel.
CREATE FUNCTION idx(i regclass) RETURNS text LANGUAGE sql AS $$
  SELECT format('index_pages=%s tree_height=%s', relpages,
                (SELECT fastlevel FROM bt_metap(i::text)))
  FROM pg_class WHERE oid = i $$;

-- pg_stats.correlation of a column.
CREATE FUNCTION corr(t text, col text) RETURNS text LANGUAGE sql AS $$
  SELECT format('corr=%s', coalesce(correlation::float8, 0))
  FROM pg_stats WHERE schemaname = 'public' AND tablename = t AND attname = col $$;

-- The index selectivity of a scan node: its rows over the table's tuples.
CREATE FUNCTION sel(n json, t regclass) RETURNS text LANGUAGE sql AS $$
  SELECT format('sel=%s', (n->>'Plan Rows')::float8 / reltuples::float8)
  FROM pg_class WHERE oid = t $$;

-- estimate_hash_bucket_stats inputs for the inner side of a hash join.
CREATE FUNCTION hashkey(t text, col text, rel_rows float8) RETURNS text LANGUAGE sql AS $$
  SELECT format('inner_n_distinct=%s inner_mcv1=%s inner_null_frac=%s inner_rel_rows=%s '
                'inner_rel_tuples=%s', s.n_distinct::float8,
                coalesce(s.most_common_freqs[1]::float8, 0), s.null_frac::float8, rel_rows,
                c.reltuples::float8)
  FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
  WHERE s.schemaname = 'public' AND s.tablename = t AND s.attname = col $$;

-- The leading column of an index.
CREATE FUNCTION idxcol(i regclass) RETURNS text LANGUAGE sql AS $$
  SELECT a.attname FROM pg_index x JOIN pg_attribute a
    ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
  WHERE x.indexrelid = i $$;

-- An index scan node as a case (no index quals: a full-index scan for ordering).
CREATE FUNCTION index_case(name text, n json, quals int) RETURNS text LANGUAGE sql AS $$
  SELECT format('%s indexscan %s %s %s %s %s index_quals=%s index_only=%s', name,
                rel((n->>'Relation Name')::regclass), idx((n->>'Index Name')::regclass),
                corr(n->>'Relation Name', idxcol((n->>'Index Name')::regclass)), pg(n),
                sel(n, (n->>'Relation Name')::regclass), quals,
                (n->>'Node Type' = 'Index Only Scan')::int) $$;

-- A merge join's cases: each input's index scan and Sort (when present), then the join.
-- Inputs are an unfiltered Seq Scan (case seq_<table>) or an Index Scan, maybe under a Sort.
-- inner_q is the same join as an inner join: its row estimate is approx_tuple_count of the
-- merge clause (an outer join's own estimate is clamped up to its inputs' rows).
CREATE FUNCTION merge_cases(name text, q text, inner_q text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  p json := plan(q);
  side json;
  src json;
  prefix text;
  ref text;
  sorted int;
  extra text := '';
BEGIN
  FOR i IN 0..1 LOOP
    prefix := CASE i WHEN 0 THEN 'outer' ELSE 'inner' END;
    side := child(p, i);
    IF side->>'Node Type' = 'Materialize' THEN side := child(side, 0); END IF;
    sorted := (side->>'Node Type' = 'Sort')::int;
    src := CASE WHEN sorted = 1 THEN child(side, 0) ELSE side END;
    IF src->>'Node Type' = 'Index Scan' THEN
      ref := name || '_' || prefix;
      RETURN NEXT index_case(ref, src, 0);
    ELSE
      ref := 'seq_' || (src->>'Relation Name');
    END IF;
    IF sorted = 1 THEN
      RETURN NEXT format('%s_%s_sort sort %s input_total=@%s.total input_rows=%s', name, prefix,
                         pg(side), ref, src->>'Plan Rows');
    END IF;
    extra := extra || ' ' || input(prefix, src, ref) || format(' %s_sort=%s', prefix, sorted);
  END LOOP;
  RETURN NEXT format('%s mergejoin %s%s merge_tuples=%s', name, pg(p), extra,
                     plan(inner_q)->>'Plan Rows');
END $$;

-- A column's n_distinct with its table's reltuples, under a prefix (estimate_num_groups input).
CREATE FUNCTION ndistinct(prefix text, t text, col text) RETURNS text LANGUAGE sql AS $$
  SELECT format('%1$s_n_distinct=%2$s %1$s_rel_tuples=%3$s', prefix, s.n_distinct::float8,
                c.reltuples::float8)
  FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
  WHERE s.schemaname = 'public' AND s.tablename = t AND s.attname = col $$;

-- Every key of a case fragment with a prefix: prefixed('l0_', 'sel=0.1') = 'l0_sel=0.1'.
CREATE FUNCTION prefixed(prefix text, keys text) RETURNS text LANGUAGE sql AS $$
  SELECT regexp_replace(keys, '(\S+)=', prefix || '\1=', 'g') $$;
