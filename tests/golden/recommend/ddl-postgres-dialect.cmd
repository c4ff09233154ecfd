recommend-index --catalog samples/shop/schema.sql --workload samples/shop/workload.sql --format sql
