recommend-index --catalog samples/shop/shop.db --workload tests/golden/recommend/pgss.json --format sql --no-drops
