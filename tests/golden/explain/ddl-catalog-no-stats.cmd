explain --catalog samples/shop/schema.sql "SELECT * FROM orders WHERE status = 'pending' ORDER BY order_date"
