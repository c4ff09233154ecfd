explain --catalog samples/shop/shop.json -f samples/shop/report.sql
