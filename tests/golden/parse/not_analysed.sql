SET search_path TO shop;
BEGIN;
VACUUM ANALYZE orders;
GRANT SELECT ON orders TO reporting;
CREATE FUNCTION add(a int, b int) RETURNS int AS $$ SELECT a + b; $$ LANGUAGE sql;
COPY orders FROM STDIN;
COMMIT;
