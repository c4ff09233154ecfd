catalog validate tests/golden/catalog/data/shop.json
