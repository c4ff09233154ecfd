explain --catalog samples/shop/shop.json --index "CREATE INDEX ON orders (status, order_date)" "SELECT * FROM orders WHERE status = 'shipped' AND order_date > date '2024-06-01'"
