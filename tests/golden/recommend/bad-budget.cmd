recommend-index --catalog samples/shop/shop.db --workload samples/shop/workload.sql --budget lots
