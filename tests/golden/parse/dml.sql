INSERT INTO accounts (id, balance) VALUES ($1, $2), ($3, DEFAULT) ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance WHERE accounts.balance <> EXCLUDED.balance RETURNING id;
INSERT INTO log DEFAULT VALUES;
UPDATE accounts a SET (balance, updated) = (SELECT sum(x), now() FROM t WHERE t.a = a.id) FROM plans p WHERE p.id = a.plan RETURNING a.*;
WITH gone AS (DELETE FROM sessions USING users WHERE sessions.user_id = users.id AND users.banned RETURNING sessions.id) SELECT count(*) FROM gone;
