catalog diff --format json tests/golden/catalog/data/shop.json tests/golden/catalog/data/shop_v2.json
