replay samples/traces/shop.jsonl --top 1 --time-scale 20 --sweep 1..5 --slo "p99_wait<5ms" --svg -
