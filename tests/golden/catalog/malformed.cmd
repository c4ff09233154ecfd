catalog show tests/golden/catalog/data/malformed.json
