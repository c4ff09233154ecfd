replay samples/traces/shop.jsonl --time-scale 20 --sweep max=1..5 --slo "p99_wait<5ms" --top 3
