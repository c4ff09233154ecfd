lint --baseline tests/golden/lint/baseline.json samples/lint
