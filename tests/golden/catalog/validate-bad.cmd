catalog validate tests/golden/catalog/data/bad.json
