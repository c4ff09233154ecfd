explain --catalog samples/shop/shop.json "SELECT o.ordr_id FROM orders o"
