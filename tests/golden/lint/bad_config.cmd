lint --config tests/golden/lint/bad.toml samples/lint
