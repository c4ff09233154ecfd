SELECT $$a; b$$ AS body, $tag$ it's $$ nested; $tag$ AS other, E'semi\';colon' AS esc, 'x;y' AS plain, "odd;name" FROM t /* ; */;
DO $body$ BEGIN PERFORM 1; END $body$;
SELECT 'after';
