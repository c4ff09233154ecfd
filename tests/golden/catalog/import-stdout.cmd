catalog import tests/golden/catalog/data/shop.json
