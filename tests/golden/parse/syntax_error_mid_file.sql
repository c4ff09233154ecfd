SELECT 1;
SELECT * FORM orders;
-- the next statement still parses
SELECT 2;
INSERT INTO t VALUES (1;
SELECT 3;
