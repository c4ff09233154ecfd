explain --catalog samples/shop/shop.json --set work_mem=lots "SELECT 1"
