catalog show tests/golden/catalog/data/shop.json
