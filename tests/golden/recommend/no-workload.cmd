recommend-index --catalog samples/shop/shop.db
