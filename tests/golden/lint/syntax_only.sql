-- Without a catalog only syntax rules run: unknown tables are not reported.
SELECT * FROM no_such_table WHERE a = NULL;
SELECT 1 FROM t WHERE b = 1 -- noqa: DB999
;
