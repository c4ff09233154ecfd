explain --catalog samples/shop/shop.json --drop-index orders_customer_id_idx "SELECT * FROM orders WHERE customer_id = 7"
