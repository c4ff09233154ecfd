explain --catalog samples/shop/shop.json --set enable_hashjoin=off --set enable_mergejoin=off -f samples/shop/report.sql
