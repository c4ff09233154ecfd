explain --catalog samples/shop/shop.json --format dot -f samples/shop/report.sql
