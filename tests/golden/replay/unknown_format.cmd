replay samples/traces/shop.jsonl --trace-format jsnol
