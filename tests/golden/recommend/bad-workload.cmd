recommend-index --catalog samples/shop/shop.db --workload tests/golden/recommend/bad.sql --format sql --no-drops
