explain --catalog samples/shop/shop.json "SELECT * FROM ordrs WHERE id = 1"
