catalog show tests/golden/catalog/data/no-such-file.json
