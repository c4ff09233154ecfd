replay samples/traces/shop.jsonl --top 1 --emit-workload -
