replay samples/traces/shop.jsonl --slo "p99_wait<5ms"
