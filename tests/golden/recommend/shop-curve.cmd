recommend-index --catalog samples/shop/shop.db --workload samples/shop/workload.sql --no-plans --curve /dev/null --max-indexes 2
