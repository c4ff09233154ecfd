-- The cases of tests/integration/cost_check_test.sh: one line per plan node, in the format of
-- tests/unit/cost/pg_cost_check_test.cc. Children come first: a parent refers to dbopt's
-- result for its child (@case.total). Serial plans only.
SET max_parallel_workers_per_gather = 0;

-- Sequential scans: every table unfiltered, and one filter.
SELECT format('seq_%s seqscan %s %s qual_ops=0', t, rel(t::regclass),
              pg(plan('SELECT * FROM ' || t)))
FROM unnest(ARRAY['t1', 't2', 't3', 't4']) t;
SELECT format('seq_t1_filter seqscan %s %s qual_ops=1', rel('t1'),
              pg(plan('SELECT * FROM t1 WHERE b < 50000')));

-- Index scans: unique equality, correlated range, uncorrelated equality, index-only.
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT index_case('idx_pk_eq', plan('SELECT * FROM t1 WHERE id = 42'), 1) || ' unique_eq=1';
SELECT index_case('idx_pk_range', plan('SELECT * FROM t1 WHERE id < 2000'), 1);
SELECT index_case('idx_a_eq', plan('SELECT * FROM t1 WHERE a = 42'), 1);
SELECT index_case('ios_a_range', plan('SELECT a FROM t1 WHERE a < 10'), 1);
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Bitmap scan: the Bitmap Index Scan and the Bitmap Heap Scan above it.
SELECT format('bitmap_b_index bitmapindex %s %s %s %s index_quals=1', rel('t1'), idx('t1_b'),
              pg(child(p, 0)), sel(p, 't1')),
       format('bitmap_b_heap bitmapheap %s %s %s %s index_quals=1 qual_ops=1', rel('t1'),
              idx('t1_b'), pg(p), sel(p, 't1'))
FROM (SELECT plan('SELECT * FROM t1 WHERE b < 1000') p) x;

-- Sorts: quicksort, top-N under a LIMIT, external merge with work_mem 1MB.
SELECT format('sort_t2 sort %s input_total=@seq_t2.total input_rows=%s', pg(p),
              child(p, 0)->>'Plan Rows')
FROM (SELECT plan('SELECT * FROM t2 ORDER BY v') p) x;
SELECT format('topn_sort_t2 sort %s input_total=@seq_t2.total input_rows=%s limit=10',
              pg(child(p, 0)), child(child(p, 0), 0)->>'Plan Rows'),
       format('topn_limit_t2 limit %s input_startup=@topn_sort_t2.startup '
              'input_total=@topn_sort_t2.total input_rows=%s count=10', pg(p),
              child(p, 0)->>'Plan Rows')
FROM (SELECT plan('SELECT * FROM t2 ORDER BY v LIMIT 10') p) x;
SET work_mem = '1MB';
SELECT format('extsort_t1 sort %s input_total=@seq_t1.total input_rows=%s work_mem_kb=1024',
              pg(p), child(p, 0)->>'Plan Rows')
FROM (SELECT plan('SELECT * FROM t1 ORDER BY c') p) x;
RESET work_mem;

-- Aggregates: plain, hashed, sorted (GroupAggregate over a Sort).
SELECT format('agg_plain_t1 agg %s strategy=0 trans_ops=1 num_trans=1 group_cols=0 '
              'input_startup=@seq_t1.startup input_total=@seq_t1.total input_rows=%s '
              'input_width=%s', pg(p), child(p, 0)->>'Plan Rows', child(p, 0)->>'Plan Width')
FROM (SELECT plan('SELECT count(*) FROM t1') p) x;
SELECT format('agg_hashed_t1 agg %s strategy=2 trans_ops=1 num_trans=1 group_cols=1 '
              'input_startup=@seq_t1.startup input_total=@seq_t1.total input_rows=%s '
              'input_width=%s', pg(p), child(p, 0)->>'Plan Rows', child(p, 0)->>'Plan Width')
FROM (SELECT plan('SELECT a, count(*) FROM t1 GROUP BY a') p) x;
SET enable_hashagg = off;
SELECT format('agg_sort_t2 sort %s input_total=@seq_t2.total input_rows=%s', pg(child(p, 0)),
              child(child(p, 0), 0)->>'Plan Rows'),
       format('agg_sorted_t2 agg %s strategy=1 trans_ops=1 num_trans=1 group_cols=1 '
              'input_startup=@agg_sort_t2.startup input_total=@agg_sort_t2.total '
              'input_rows=%s input_width=%s', pg(p), child(p, 0)->>'Plan Rows',
              child(p, 0)->>'Plan Width')
FROM (SELECT plan('SELECT v, count(*) FROM t2 GROUP BY v') p) x;
RESET enable_hashagg;

-- Hash join: outer t1, inner Hash over t2 hashed on t2.t1_id.
SELECT format('hashjoin_t1_t2 hashjoin %s %s %s %s', pg(p),
              input('outer', child(p, 0), 'seq_' || (child(p, 0)->>'Relation Name')),
              input('inner', child(child(p, 1), 0),
                    'seq_' || (child(child(p, 1), 0)->>'Relation Name')),
              hashkey('t2', 't1_id', (child(child(p, 1), 0)->>'Plan Rows')::float8))
FROM (SELECT plan('SELECT * FROM t1 JOIN t2 ON t1.id = t2.t1_id') p) x;

-- Merge join: a FULL join scans both inputs completely.
SET enable_hashjoin = off;
SELECT merge_cases('mergejoin_t2_t3', 'SELECT * FROM t2 FULL JOIN t3 ON t2.id = t3.k',
                   'SELECT * FROM t2 JOIN t3 ON t2.id = t3.k');

-- Nested loops: a Materialized inner with a join filter; a parameterized inner index scan.
SET enable_mergejoin = off;
SELECT format('nl_material material %s input_startup=@seq_%s.startup input_total=@seq_%s.total '
              'input_rows=%s', pg(child(p, 1)), child(child(p, 1), 0)->>'Relation Name',
              child(child(p, 1), 0)->>'Relation Name', child(child(p, 1), 0)->>'Plan Rows'),
       format('nl_t2_t4 nestloop %s %s %s inner_material=1 join_ops=1', pg(p),
              input('outer', child(p, 0), 'seq_' || (child(p, 0)->>'Relation Name')),
              input('inner', child(p, 1), 'nl_material'))
FROM (SELECT plan('SELECT * FROM t2 JOIN t4 ON t2.v < t4.w') p) x;
SET enable_memoize = off;
SET enable_bitmapscan = off;
SELECT format('nlp_outer seqscan %s %s qual_ops=1', rel('t2'), pg(child(p, 0))),
       index_case('nlp_inner', child(p, 1), 1) ||
         format(' loop_count=%s total_table_pages=%s', child(p, 0)->>'Plan Rows',
                (SELECT sum(relpages) FROM pg_class WHERE relname IN ('t1', 't2'))),
       format('nlp_t2_t1 nestloop %s %s %s inner_material=0 join_ops=0', pg(p),
              input('outer', child(p, 0), 'nlp_outer'), input('inner', child(p, 1), 'nlp_inner'))
FROM (SELECT plan('SELECT * FROM t2 JOIN t1 ON t1.a = t2.v WHERE t2.t1_id < 1000') p) x;
RESET ALL;
SET max_parallel_workers_per_gather = 0;

-- Memoize: a nested loop whose inner index scan is cached per t3.w value.
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_bitmapscan = off;
SELECT index_case('memo_inner', child(child(p, 1), 0), 1) ||
         format(' loop_count=%s total_table_pages=%s', child(p, 0)->>'Plan Rows',
                (SELECT sum(relpages) FROM pg_class WHERE relname IN ('t1', 't3'))),
       format('memo_t3_t1 nestloop %s %s %s inner_material=0 inner_memoize=1 join_ops=0 '
              'inner_ndistinct=%s', pg(p),
              input('outer', child(p, 0), 'seq_' || (child(p, 0)->>'Relation Name')),
              input('inner', child(child(p, 1), 0), 'memo_inner'),
              (SELECT n_distinct::float8 FROM pg_stats WHERE tablename = 't3' AND attname = 'w'))
FROM (SELECT plan('SELECT * FROM t3 JOIN t1 ON t1.a = t3.w') p) x;
RESET ALL;
SET max_parallel_workers_per_gather = 0;

-- A hash join in batches (work_mem 64kB: hash_mem 128kB).
SET work_mem = '64kB';
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT format('hashjoin_batched hashjoin %s %s %s %s work_mem_kb=64', pg(p),
              input('outer', child(p, 0), 'seq_' || (child(p, 0)->>'Relation Name')),
              input('inner', child(child(p, 1), 0),
                    'seq_' || (child(child(p, 1), 0)->>'Relation Name')),
              hashkey('t2', 't1_id', (child(child(p, 1), 0)->>'Plan Rows')::float8))
FROM (SELECT plan('SELECT * FROM t1 JOIN t2 ON t1.id = t2.t1_id') p) x;

-- A hash aggregate that spills (100000 groups in 128kB).
SET enable_sort = off;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
SELECT format('agg_spill_t1 agg %s strategy=2 trans_ops=1 num_trans=1 group_cols=1 '
              'input_startup=@seq_t1.startup input_total=@seq_t1.total input_rows=%s '
              'input_width=%s work_mem_kb=64', pg(p), child(p, 0)->>'Plan Rows',
              child(p, 0)->>'Plan Width')
FROM (SELECT plan('SELECT id, count(*) FROM t1 GROUP BY id') p) x;
RESET ALL;
SET max_parallel_workers_per_gather = 0;

-- Incremental sort: an index scan ordered by id, sorted by (id, b) in groups of equal id.
SELECT index_case('incsort_input', child(child(p, 0), 0), 0),
       format('incsort_t1 incsort %s input_startup=@incsort_input.startup '
              'input_total=@incsort_input.total input_rows=%s limit=10 %s', pg(child(p, 0)),
              child(child(p, 0), 0)->>'Plan Rows', ndistinct('key', 't1', 'id'))
FROM (SELECT plan('SELECT * FROM t1 ORDER BY id, b LIMIT 10') p) x;

-- Append (UNION ALL) and a window function over a Sort.
SELECT format('append_t2_t4 append %s children=2 %s %s', pg(p),
              input('c0', child(p, 0), 'seq_t2'),
              input('c1', child(p, 1), 'seq_t4'))
FROM (SELECT plan('SELECT v FROM t2 UNION ALL SELECT w FROM t4') p) x;
SELECT format('win_sort_t2 sort %s input_total=@seq_t2.total input_rows=%s', pg(child(p, 0)),
              child(child(p, 0), 0)->>'Plan Rows'),
       format('win_t2 windowagg %s input_startup=@win_sort_t2.startup '
              'input_total=@win_sort_t2.total input_rows=%s wfunc_ops=1 part_cols=0 order_cols=1',
              pg(p), child(p, 0)->>'Plan Rows')
FROM (SELECT plan('SELECT v, row_number() OVER (ORDER BY v) FROM t2') p) x;

-- A parallel sequential scan under Gather (1 worker for t1's 1235 pages).
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 10;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
SELECT format('par_seq_t1 seqscan %s %s qual_ops=1 parallel_setup_cost=10 parallel_workers=%s '
              'rows=%s', rel('t1'), pg(child(p, 0)), p->>'Workers Planned', p->>'Plan Rows'),
       format('par_gather_t1 gather %s input_startup=@par_seq_t1.startup '
              'input_total=@par_seq_t1.total parallel_setup_cost=10', pg(p))
FROM (SELECT plan('SELECT * FROM t1 WHERE b < 100') p) x;
RESET ALL;
SET max_parallel_workers_per_gather = 0;

-- BitmapOr: two Bitmap Index Scans OR'ed, then the heap (rechecking both arms: 2 operators).
-- Equalities on the primary key have an exact selectivity (1/tuples), so the OR of the two legs'
-- selectivities, which no plan row count shows, is exact too.
SELECT format('bitmapor_l0 bitmapindex %s %s %s %s index_quals=1', rel('t1'),
              idx((child(child(p, 0), 0)->>'Index Name')::regclass), pg(child(child(p, 0), 0)),
              sel(child(child(p, 0), 0), 't1')) || ' unique_eq=1',
       format('bitmapor_l1 bitmapindex %s %s %s %s index_quals=1', rel('t1'),
              idx((child(child(p, 0), 1)->>'Index Name')::regclass), pg(child(child(p, 0), 1)),
              sel(child(child(p, 0), 1), 't1')) || ' unique_eq=1',
       format('bitmapor_t1 bitmapor %s %s qual_ops=2 %s %s', rel('t1'), pg(p),
              prefixed('l0_', idx((child(child(p, 0), 0)->>'Index Name')::regclass) || ' ' ||
                              sel(child(child(p, 0), 0), 't1') || ' index_quals=1 unique_eq=1'),
              prefixed('l1_', idx((child(child(p, 0), 1)->>'Index Name')::regclass) || ' ' ||
                              sel(child(child(p, 0), 1), 't1') || ' index_quals=1 unique_eq=1'))
FROM (SELECT plan('SELECT * FROM t1 WHERE id = 42 OR id = 4242') p) x;

-- Gather Merge over a Sort of a partial Parallel Seq Scan (1 worker).
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 10;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
SELECT format('gm_seq_t1 seqscan %s %s qual_ops=1 parallel_setup_cost=10 parallel_workers=%s '
              'rows=%s', rel('t1'), pg(child(child(p, 0), 0)), p->>'Workers Planned',
              (SELECT (x.q->>'Plan Rows') FROM (SELECT plan('SELECT * FROM t1 WHERE b < 50000')
                 AS q) x)),
       format('gm_sort_t1 sort %s input_total=@gm_seq_t1.total input_rows=%s', pg(child(p, 0)),
              child(child(p, 0), 0)->>'Plan Rows'),
       format('gm_t1 gathermerge %s input_startup=@gm_sort_t1.startup '
              'input_total=@gm_sort_t1.total workers=%s parallel_setup_cost=10', pg(p),
              p->>'Workers Planned')
FROM (SELECT plan('SELECT * FROM t1 WHERE b < 50000 ORDER BY a') p) x;
