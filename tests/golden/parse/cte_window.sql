WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id, t.depth + 1 FROM nodes n JOIN tree t ON n.parent = t.id),
  m AS MATERIALIZED (SELECT 1 AS one)
SELECT id, rank() OVER (PARTITION BY depth ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM tree WINDOW w AS (ORDER BY depth);
