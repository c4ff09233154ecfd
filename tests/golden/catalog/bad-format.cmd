catalog show --format yaml tests/golden/catalog/data/shop.json
