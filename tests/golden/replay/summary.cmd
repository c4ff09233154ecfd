replay samples/traces/shop.jsonl
