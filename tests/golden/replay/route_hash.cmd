replay samples/traces/shop.jsonl --top 1 --route strategy=hash,shards=4,key=customer_id --reshard shards=5 --max-skew 1.2
