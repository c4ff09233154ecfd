explain --catalog samples/shop/shop.json --drop-index orders_custmer_id_idx "SELECT 1"
