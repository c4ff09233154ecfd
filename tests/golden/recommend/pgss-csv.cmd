recommend-index --catalog samples/shop/shop.db --workload tests/golden/recommend/pgss.csv --format sql --no-drops
