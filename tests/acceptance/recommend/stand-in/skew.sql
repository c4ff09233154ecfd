-- STAND-IN for the dbopt slot of tests/acceptance/recommend/run.sh, used only while
-- `dbopt recommend-index` does not exist: a hand-written index list (what a DBA would write from
-- the workload's WHERE clauses), so the harness runs end to end. Figures measured with it are
-- marked STAND-IN and are not dbopt's.
CREATE INDEX standin_events_account_created ON events (account_id, created_at);
CREATE INDEX standin_accounts_email ON accounts (email);
CREATE INDEX standin_purchases_account ON purchases (account_id);
