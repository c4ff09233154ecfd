catalog show tests/golden/catalog/data/typo.json
