explain --catalog samples/shop/shop.json --why -f samples/shop/report.sql
