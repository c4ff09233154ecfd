catalog validate tests/golden/catalog/data/version3.json
