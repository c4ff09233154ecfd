catalog diff tests/golden/catalog/data/shop.json tests/golden/catalog/data/shop.json
