SELECT a OPERATOR(pg_catalog.+) 1, NOT b, c IS NOT DISTINCT FROM d, e IS UNKNOWN, f NOT IN (1, 2), g = ANY($1), h LIKE 'x%' ESCAPE '!',
  i ~* 'y', CASE WHEN j THEN 1 ELSE 2 END, k::numeric(10,2), CAST(l AS varchar(5)), date '2020-01-01', interval '1 day',
  ARRAY[1, 2], ROW(1, 'a'), COALESCE(m, 0), NULLIF(n, 0), GREATEST(o, p), arr[1:2], t.*, B'101', NULL, true, 1.5e3,
  count(DISTINCT q) FILTER (WHERE r > 0), string_agg(s, ',' ORDER BY s), EXISTS (SELECT 1), x COLLATE "C", CURRENT_DATE
FROM t;
