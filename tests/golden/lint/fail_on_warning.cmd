lint --fail-on warning --config samples/lint/.dbopt.toml samples/lint/migrations/004_loyalty.sql
