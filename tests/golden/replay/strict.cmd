replay samples/traces/shop.jsonl --strict
