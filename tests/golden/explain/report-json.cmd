explain --catalog samples/shop/shop.json --format json -f samples/shop/report.sql
