replay samples/traces/shop.jsonl --format json --top 2 --pool max=2,acquire_timeout=20ms --time-scale 10 --route strategy=jump,shards=3,key=customer_id
