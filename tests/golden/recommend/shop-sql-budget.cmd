recommend-index --catalog samples/shop/shop.db --workload samples/shop/workload.sql --format sql --budget 300kB
