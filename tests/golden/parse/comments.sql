-- dbopt: calls=1200
/* hot path */
SELECT * FROM users WHERE id = $1;
-- dbopt-ignore
DELETE FROM users WHERE id = $1;
