explain --catalog samples/shop/shop.json --format json --summary -f samples/shop/report.sql
