replay samples/traces/shop.jsonl --top 0 --pool-preset pgbouncer --pool max=2,mode=transaction --time-scale 10
